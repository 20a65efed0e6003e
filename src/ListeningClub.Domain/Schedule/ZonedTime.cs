namespace ListeningClub.Domain.Schedule;

/// <summary>
/// Turning wall-clock times in a time zone into instants, with the daylight-saving rules members expect:
/// a time inside the hour skipped in spring happens at the first valid minute after the gap (02:30 → 03:00),
/// and a time inside the hour repeated in autumn happens once, at its first occurrence.
/// </summary>
public static class ZonedTime
{
    public static DateTimeOffset Resolve(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var minute = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
            do
            {
                minute = minute.AddMinutes(1);
            }
            while (zone.IsInvalidTime(minute));

            local = minute;
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max() // the larger offset is the earlier instant: the first occurrence
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The first instant strictly after <paramref name="after"/> that falls on <paramref name="weekly"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset Next(WeeklyTime weekly, DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        ArgumentNullException.ThrowIfNull(zone);
        var localAfter = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var daysAhead = ((int)weekly.Day - (int)localAfter.DayOfWeek + 7) % 7;
        var date = DateOnly.FromDateTime(localAfter).AddDays(daysAhead);
        for (var week = 0; week < 3; week++)
        {
            var candidate = Resolve(date.AddDays(7 * week).ToDateTime(weekly.Time), zone);
            if (candidate > after)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No occurrence of {weekly} after {after:O} in {zone.Id}.");
    }

    /// <summary>The instant of <paramref name="time"/> on the local date <paramref name="days"/> days after <paramref name="from"/>'s local date.</summary>
    public static DateTimeOffset OnDayAfter(DateTimeOffset from, int days, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(days);
        return Resolve(date.ToDateTime(time), zone);
    }
}
