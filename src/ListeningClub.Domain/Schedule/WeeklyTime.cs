using System.Globalization;

namespace ListeningClub.Domain.Schedule;

/// <summary>A day of the week and a wall-clock time in the track's time zone, e.g. Thursday 18:00.</summary>
public sealed record WeeklyTime(DayOfWeek Day, TimeOnly Time)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day} {Time:HH\\:mm}");

    /// <summary>Parses "Thursday 18:00" (also "thu 18:00", case-insensitive).</summary>
    public static bool TryParse(string? text, out WeeklyTime? value)
    {
        value = null;
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TimeOnly.TryParseExact(parts[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        var day = Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(d =>
            d.ToString()!.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase) && parts[0].Length >= 2);
        if (day is null)
        {
            return false;
        }

        value = new WeeklyTime(day.Value, time);
        return true;
    }
}
