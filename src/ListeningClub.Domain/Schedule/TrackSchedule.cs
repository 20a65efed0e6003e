using System.Globalization;
using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Schedule;

/// <summary>
/// When a track's cycle steps happen, as wall-clock times in the track's time zone. Defaults: nominations open Monday
/// 00:00, voting opens Thursday 18:00, voting closes and the pick is announced Friday 18:00, prompts 1, 3 and 5 days
/// after the announcement at 12:00, voting reminders 24 hours and 1 hour before the close; no watch/listen party
/// (when one is set, a reminder goes out an hour before it).
/// </summary>
public sealed record TrackSchedule
{
    public const int MaxEveryWeeks = 8;
    public const int MaxReminders = 3;
    public const int MaxPrompts = 7;

    public static TrackSchedule Weekly { get; } = new();

    /// <summary>1 for weekly cycles, 2 for fortnightly, …</summary>
    public int EveryWeeks { get; init; } = 1;

    public WeeklyTime NominationsOpen { get; init; } = new(DayOfWeek.Monday, new TimeOnly(0, 0));

    public WeeklyTime VotingOpens { get; init; } = new(DayOfWeek.Thursday, new TimeOnly(18, 0));

    public WeeklyTime VotingCloses { get; init; } = new(DayOfWeek.Friday, new TimeOnly(18, 0));

    /// <summary>Days after the announcement on which a discussion prompt is posted.</summary>
    public IReadOnlyList<int> PromptDays { get; init; } = [1, 3, 5];

    public TimeOnly PromptTime { get; init; } = new(12, 0);

    /// <summary>How long before voting closes each reminder goes out.</summary>
    public IReadOnlyList<TimeSpan> VotingReminders { get; init; } = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];

    /// <summary>The watch/listen party after each announcement (its first occurrence after the pick is announced); null for none.</summary>
    public WeeklyTime? Party { get; init; }

    /// <summary>How long before the party each reminder goes out.</summary>
    public IReadOnlyList<TimeSpan> PartyReminders { get; init; } = [TimeSpan.FromHours(1)];

    /// <summary>Whether the party is also a Discord scheduled event, created when the pick is announced.</summary>
    public bool PartyEvent { get; init; }

    /// <summary>When set, nothing happens by itself until a manager resumes the track.</summary>
    public bool Paused { get; init; }

    public Result<TrackSchedule> Validate()
    {
        if (EveryWeeks is < 1 or > MaxEveryWeeks)
        {
            return new Problem("schedule.every_weeks", $"A cycle lasts between 1 and {MaxEveryWeeks} weeks.");
        }

        if (PromptDays.Count > MaxPrompts || PromptDays.Any(d => d is < 0 or > 7 * MaxEveryWeeks) || PromptDays.Distinct().Count() != PromptDays.Count)
        {
            return new Problem("schedule.prompts", $"Prompt days are up to {MaxPrompts} different whole days after the announcement (0 means the same day).");
        }

        if (!RemindersValid(VotingReminders))
        {
            return new Problem("schedule.reminders", $"Up to {MaxReminders} different reminders, each between a minute and 6 days before voting closes.");
        }

        if (!RemindersValid(PartyReminders))
        {
            return new Problem("schedule.party_reminders", $"Up to {MaxReminders} different party reminders, each between a minute and 6 days before the party.");
        }

        if (PartyEvent && Party is null)
        {
            return new Problem("schedule.party_event", "A party event needs a party time (e.g. party: Saturday 20:00).");
        }

        // Within one cycle the steps come in order: nominations open, voting opens, voting closes, then (a week
        // or more later) nominations open again. Measured from the nominations opening, around the week.
        var opens = MinutesAfter(NominationsOpen, VotingOpens);
        var closes = MinutesAfter(NominationsOpen, VotingCloses) is 0 ? MinutesPerWeek : MinutesAfter(NominationsOpen, VotingCloses);
        if (closes <= opens)
        {
            return new Problem(
                "schedule.order",
                $"Voting must close after it opens, before nominations open again: nominations open {NominationsOpen}, voting opens {VotingOpens} and closes {VotingCloses} doesn't work.");
        }

        return this;
    }

    /// <summary>When a cycle that starts at <paramref name="cycleStart"/> opens and closes its vote.</summary>
    public (DateTimeOffset VotingOpensAt, DateTimeOffset VotingClosesAt) Plan(DateTimeOffset cycleStart, TimeZoneInfo zone)
    {
        var opens = ZonedTime.Next(VotingOpens, cycleStart.AddDays(7 * (EveryWeeks - 1)), zone);
        var closes = ZonedTime.Next(VotingCloses, opens, zone);
        return (opens, closes);
    }

    /// <summary>When the cycle after one whose vote closed at <paramref name="votingClosedAt"/> starts.</summary>
    public DateTimeOffset NextCycleStart(DateTimeOffset votingClosedAt, TimeZoneInfo zone) =>
        ZonedTime.Next(NominationsOpen, votingClosedAt, zone);

    /// <summary>The prompt times for a pick announced at <paramref name="announcedAt"/>, in order.</summary>
    public IReadOnlyList<DateTimeOffset> PromptTimes(DateTimeOffset announcedAt, TimeZoneInfo zone) =>
        PromptDays.Order().Select(d => ZonedTime.OnDayAfter(announcedAt, d, PromptTime, zone)).Where(t => t > announcedAt).ToList();

    /// <summary>A sentence members can read, e.g. "Weekly: nominations from Monday 00:00, voting Thursday 18:00 to Friday 18:00 (Europe/Berlin)".</summary>
    public string Describe(string timeZoneId)
    {
        var every = EveryWeeks == 1 ? "Weekly" : string.Create(CultureInfo.InvariantCulture, $"Every {EveryWeeks} weeks");
        var paused = Paused ? " — paused" : "";
        var party = Party is { } p ? $", party {p}" : "";
        return $"{every}: nominations from {NominationsOpen}, voting {VotingOpens} to {VotingCloses}{party} ({timeZoneId}){paused}";
    }

    /// <summary>Schedules are values: two with the same settings are equal, whichever list instances hold them.</summary>
    public bool Equals(TrackSchedule? other) =>
        other is not null
        && EveryWeeks == other.EveryWeeks
        && NominationsOpen == other.NominationsOpen
        && VotingOpens == other.VotingOpens
        && VotingCloses == other.VotingCloses
        && PromptDays.SequenceEqual(other.PromptDays)
        && PromptTime == other.PromptTime
        && VotingReminders.SequenceEqual(other.VotingReminders)
        && Party == other.Party
        && PartyReminders.SequenceEqual(other.PartyReminders)
        && PartyEvent == other.PartyEvent
        && Paused == other.Paused;

    public override int GetHashCode() => HashCode.Combine(EveryWeeks, NominationsOpen, VotingOpens, VotingCloses, PromptTime, Paused, PromptDays.Count, VotingReminders.Count);

    /// <summary>The party after a pick announced at <paramref name="announcedAt"/>, or null when the track has none.</summary>
    public DateTimeOffset? PartyAfter(DateTimeOffset announcedAt, TimeZoneInfo zone) =>
        Party is { } party ? ZonedTime.Next(party, announcedAt, zone) : null;

    private const int MinutesPerWeek = 7 * 24 * 60;

    private static bool RemindersValid(IReadOnlyList<TimeSpan> reminders) =>
        reminders.Count <= MaxReminders
        && reminders.All(r => r >= TimeSpan.FromMinutes(1) && r <= TimeSpan.FromDays(6))
        && reminders.Distinct().Count() == reminders.Count;

    private static int MinutesOfWeek(WeeklyTime time) => (int)time.Day * 24 * 60 + time.Time.Hour * 60 + time.Time.Minute;

    private static int MinutesAfter(WeeklyTime from, WeeklyTime to) => (MinutesOfWeek(to) - MinutesOfWeek(from) + MinutesPerWeek) % MinutesPerWeek;
}
