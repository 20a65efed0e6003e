using System.Globalization;
using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Schedule;

/// <summary>
/// Reads the schedule settings managers type: a weekly time ("Thursday 18:00", "thu 18:00"), a time of day ("12:00"),
/// whole days ("1, 3, 5"), durations before a step ("24h, 1h", "90m", "2d"), and "none" for an empty list or no time.
/// </summary>
public static class ScheduleText
{
    private static readonly string[] NoneWords = ["none", "off", "no", "-"];

    public static bool IsNone(string text) => NoneWords.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);

    public static Result<WeeklyTime> Weekly(string text, string setting)
    {
        text = TextInput.Clean(text);
        return WeeklyTime.TryParse(text, out var value)
            ? value!
            : new Problem("schedule.weekly", $"{setting}: \"{text}\" is not a day and time; write it like \"Thursday 18:00\" or \"thu 18:00\" (24-hour clock).");
    }

    /// <summary>A weekly time, or null for "none".</summary>
    public static Result<WeeklyTime?> OptionalWeekly(string text, string setting)
    {
        if (IsNone(text))
        {
            return (WeeklyTime?)null;
        }

        var weekly = Weekly(text, setting);
        return weekly.IsSuccess ? weekly.Value : weekly.Problem!;
    }

    public static Result<TimeOnly> TimeOfDay(string text, string setting)
    {
        text = TextInput.Clean(text);
        return TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : new Problem("schedule.time", $"{setting}: \"{text}\" is not a time of day; write it like \"12:00\" (24-hour clock).");
    }

    public static Result<IReadOnlyList<int>> Days(string text, string setting)
    {
        text = TextInput.Clean(text);
        if (IsNone(text))
        {
            return Result<IReadOnlyList<int>>.Success([]);
        }

        var days = new List<int>();
        foreach (var part in Split(text))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            {
                return new Problem("schedule.days", $"{setting}: \"{part}\" is not a whole number of days; write them like \"1, 3, 5\" or \"none\".");
            }

            days.Add(day);
        }

        return Result<IReadOnlyList<int>>.Success(days.Order().ToList());
    }

    /// <summary>Durations such as "24h, 1h" (units d, h, m; combined like "1h30m"), longest first.</summary>
    public static Result<IReadOnlyList<TimeSpan>> Durations(string text, string setting)
    {
        text = TextInput.Clean(text);
        if (IsNone(text))
        {
            return Result<IReadOnlyList<TimeSpan>>.Success([]);
        }

        var spans = new List<TimeSpan>();
        foreach (var part in Split(text))
        {
            if (Duration(part) is not { } span)
            {
                return new Problem("schedule.durations", $"{setting}: \"{part}\" is not a duration; write them like \"24h, 1h\", \"90m\" or \"2d\", or \"none\".");
            }

            spans.Add(span);
        }

        return Result<IReadOnlyList<TimeSpan>>.Success(spans.OrderDescending().ToList());
    }

    /// <summary>Reads "2d", "24h", "90m", "1h30m".</summary>
    public static TimeSpan? Duration(string text)
    {
        var total = TimeSpan.Zero;
        var number = 0L;
        var digits = 0;
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiDigit(c) && digits < 5)
            {
                number = number * 10 + (c - '0');
                digits++;
                continue;
            }

            if (digits == 0)
            {
                return null;
            }

            total += c switch
            {
                'd' => TimeSpan.FromDays(number),
                'h' => TimeSpan.FromHours(number),
                'm' => TimeSpan.FromMinutes(number),
                _ => TimeSpan.MinValue,
            };
            if (total < TimeSpan.Zero)
            {
                return null;
            }

            number = 0;
            digits = 0;
        }

        return digits == 0 && total > TimeSpan.Zero ? total : null;
    }

    /// <summary>"1d 1h", "24h", "90m": how a duration reads back.</summary>
    public static string Format(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Days}d"));
        }

        if (span.Hours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Hours}h"));
        }

        if (span.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m"));
        }

        return parts.Count == 0 ? "0m" : string.Join("", parts);
    }

    private static string[] Split(string text) => text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
