using ListeningClub.Domain.Schedule;

namespace ListeningClub.Domain.Tests.Schedule;

public sealed class ZonedTimeTests
{
    public static TheoryData<string> Zones => new() { "America/New_York", "Europe/Berlin", "Australia/Lord_Howe" };

    [Theory]
    [MemberData(nameof(Zones))]
    public void WeeklyStep_FiresExactlyOncePerWeekAtItsWallClockTime_AcrossAYearOfTransitions(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var step = new WeeklyTime(DayOfWeek.Sunday, new TimeOnly(18, 0));
        var at = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var seen = new List<DateTimeOffset>();
        for (var i = 0; i < 60; i++)
        {
            at = ZonedTime.Next(step, at, zone);
            seen.Add(at);
        }

        var locals = seen.Select(s => TimeZoneInfo.ConvertTime(s, zone)).ToList();
        Assert.All(locals, local => Assert.Equal((DayOfWeek.Sunday, 18, 0), (local.DayOfWeek, local.Hour, local.Minute)));
        Assert.All(locals.Zip(locals.Skip(1)), pair => Assert.Equal(7, (pair.Second.Date - pair.First.Date).Days));
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void StepInsideTheSkippedHour_FiresOnceAtTheFirstValidMinuteAfterTheGap(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var (day, invalid) = FindLocalTime(zone, 2027, zone.IsInvalidTime);
        var step = new WeeklyTime(day.DayOfWeek, TimeOnly.FromDateTime(invalid));

        var fired = ZonedTime.Next(step, new DateTimeOffset(day.AddDays(-3), TimeSpan.Zero), zone);
        var local = TimeZoneInfo.ConvertTime(fired, zone).DateTime;

        Assert.Equal(DateOnly.FromDateTime(invalid), DateOnly.FromDateTime(local));
        Assert.True(local > invalid, $"{local} should be after the gap containing {invalid}");
        Assert.True(zone.IsInvalidTime(local.AddMinutes(-1)), "fires at the first valid minute after the gap");

        // The next week is back to the normal wall-clock time, and nothing fired twice in between.
        var next = TimeZoneInfo.ConvertTime(ZonedTime.Next(step, fired, zone), zone).DateTime;
        Assert.Equal(invalid.AddDays(7), next);
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void StepInsideTheRepeatedHour_FiresOnceAtTheFirstOccurrence(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var (day, ambiguous) = FindLocalTime(zone, 2027, zone.IsAmbiguousTime);
        var step = new WeeklyTime(day.DayOfWeek, TimeOnly.FromDateTime(ambiguous));

        var fired = ZonedTime.Next(step, new DateTimeOffset(day.AddDays(-3), TimeSpan.Zero), zone);
        var firstOccurrence = new DateTimeOffset(ambiguous, zone.GetAmbiguousTimeOffsets(ambiguous).Max());
        Assert.Equal(firstOccurrence, fired);

        // Asking again from just after the first occurrence does not give the second one: the next is a week later.
        var again = ZonedTime.Next(step, fired, zone);
        Assert.Equal(ambiguous.AddDays(7), TimeZoneInfo.ConvertTime(again, zone).DateTime);
    }

    [Fact]
    public void Berlin2027_SpringForwardAt0230_FiresAt0300() =>
        Assert.Equal(
            new DateTimeOffset(2027, 3, 28, 3, 0, 0, TimeSpan.FromHours(2)),
            ZonedTime.Resolve(new DateTime(2027, 3, 28, 2, 30, 0), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

    [Fact]
    public void Berlin2027_FallBackAt0230_FiresAtTheFirst0230() =>
        Assert.Equal(
            new DateTimeOffset(2027, 10, 31, 2, 30, 0, TimeSpan.FromHours(2)),
            ZonedTime.Resolve(new DateTime(2027, 10, 31, 2, 30, 0), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

    /// <summary>The first local minute in <paramref name="year"/> (scanning each day's 00:00–04:00 in 15-minute steps) matching <paramref name="test"/>.</summary>
    private static (DateTime Day, DateTime Local) FindLocalTime(TimeZoneInfo zone, int year, Func<DateTime, bool> test)
    {
        for (var day = new DateTime(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            for (var minute = 0; minute < 4 * 60; minute += 15)
            {
                var local = day.AddMinutes(minute);
                if (test(local))
                {
                    // Use a time strictly inside the gap or overlap.
                    var inside = test(local.AddMinutes(15)) ? local.AddMinutes(15) : local;
                    return (day, inside);
                }
            }
        }

        throw new InvalidOperationException($"No such time in {zone.Id} {year}.");
    }
}
