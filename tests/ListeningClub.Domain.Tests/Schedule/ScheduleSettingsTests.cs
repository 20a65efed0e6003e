using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Domain.Tests.Schedule;

/// <summary>What managers type into /club schedule, the rules a schedule must follow, skipping a week, and the look-ahead /schedule shows.</summary>
public sealed class ScheduleSettingsTests
{
    private static readonly Track Berlin = Track.Create(1, "Film Night", MediaKind.Film, 2, "Europe/Berlin").Value;

    // Monday 2 November 2026, 00:00 in Berlin (UTC+1).
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.FromHours(1));

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("24h, 1h", new[] { 1440, 60 })]
    [InlineData("1h 2d", new[] { 2880, 60 })]
    [InlineData("1h30m", new[] { 90 })]
    [InlineData("none", new int[0])]
    public void Durations_ReadLongestFirst(string text, int[] minutes)
    {
        var parsed = ScheduleText.Durations(text, "reminders");
        Assert.True(parsed.IsSuccess, parsed.Problem?.Message);
        Assert.Equal(minutes, parsed.Value.Select(s => (int)s.TotalMinutes));
    }

    [Theory]
    [InlineData("24")]
    [InlineData("1w")]
    [InlineData("h")]
    [InlineData("-1h")]
    public void Durations_Nonsense_SaysHowToWriteThem(string text)
    {
        var parsed = ScheduleText.Durations(text, "reminders");
        Assert.False(parsed.IsSuccess);
        Assert.Contains("24h, 1h", parsed.Problem!.Message, StringComparison.Ordinal);
        Assert.StartsWith("reminders:", parsed.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_AndTimes_ReadOrRefuseClearly()
    {
        Assert.Equal([1, 3, 5], ScheduleText.Days("5, 1,3", "prompt-days").Value);
        Assert.Contains("whole number", ScheduleText.Days("Tuesday", "prompt-days").Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(7, 30), ScheduleText.TimeOfDay("7:30", "prompt-time").Value);
        Assert.False(ScheduleText.TimeOfDay("noon", "prompt-time").IsSuccess);
        Assert.Null(ScheduleText.OptionalWeekly("none", "party").Value);
        Assert.Contains("Thursday 18:00", ScheduleText.Weekly("Thursdy at six", "voting-opens").Problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Monday 00:00", "Thursday 18:00", "Friday 18:00", true)]
    [InlineData("Saturday 10:00", "Thursday 18:00", "Friday 18:00", true)] // voting late in the week that started Saturday
    [InlineData("Monday 00:00", "Friday 18:00", "Tuesday 18:00", false)] // would close after nominations reopen
    [InlineData("Monday 00:00", "Friday 18:00", "Friday 18:00", false)]
    [InlineData("Friday 12:00", "Thursday 18:00", "Friday 18:00", false)] // nominations would reopen mid-vote
    public void Schedule_StepsMustComeInOrderWithinACycle(string nominations, string opens, string closes, bool valid)
    {
        var schedule = TrackSchedule.Weekly with
        {
            NominationsOpen = ScheduleText.Weekly(nominations, "n").Value,
            VotingOpens = ScheduleText.Weekly(opens, "o").Value,
            VotingCloses = ScheduleText.Weekly(closes, "c").Value,
        };
        var checkedSchedule = schedule.Validate();
        Assert.Equal(valid, checkedSchedule.IsSuccess);
        if (!valid)
        {
            Assert.Equal("schedule.order", checkedSchedule.Problem!.Code);
        }
    }

    [Fact]
    public void Schedule_PartyEventWithoutAParty_IsRefused() =>
        Assert.Equal("schedule.party_event", (TrackSchedule.Weekly with { PartyEvent = true }).Validate().Problem!.Code);

    [Fact]
    public void Skip_BeforeVoting_MovesTheVoteAWeek()
    {
        var cycle = Cycle.Start(Berlin, 1, Monday);
        var skipped = cycle.Skip(Berlin, StepPlanner.NextCycleStart(Berlin, cycle)).Value;
        Assert.Equal(Local(12, 18), skipped.VotingOpensAt);
        Assert.Equal(Local(13, 18), skipped.VotingClosesAt);
    }

    [Fact]
    public void Skip_AfterTheAnnouncement_StartsTheNextCycleAWeekLater()
    {
        var announced = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value
            .Announce(Domain.Common.NominationId.New(), Local(6, 18)).Value;
        Assert.Equal(Local(9, 0), StepPlanner.NextCycleStart(Berlin, announced));

        var skipped = announced.Skip(Berlin, StepPlanner.NextCycleStart(Berlin, announced)).Value;
        Assert.Equal(Local(16, 0), StepPlanner.NextCycleStart(Berlin, skipped));
        Assert.Equal(Local(16, 0), StepPlanner.Plan(Berlin, [skipped]).Single(s => s.Step == StepKind.StartNextCycle).At);
    }

    [Fact]
    public void Skip_WhileVotingIsOpen_IsRefused()
    {
        var voting = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value;
        Assert.Equal("cycle.skip_voting", voting.Skip(Berlin, Local(9, 0)).Problem!.Code);
    }

    [Fact]
    public void Preview_LooksPastTheCurrentCycle()
    {
        var cycle = Cycle.Start(Berlin, 1, Monday);
        var steps = StepPlanner.Preview(Berlin, [cycle], Monday, 12);

        // The 24-hour reminder would fall on the opening itself, so only the 1-hour one is planned.
        Assert.Equal(
            [
                StepKind.OpenVoting, StepKind.RemindVoting, StepKind.CloseVoting, StepKind.PostPrompt,
                StepKind.StartNextCycle, StepKind.PostPrompt, StepKind.PostPrompt,
                StepKind.OpenVoting, StepKind.RemindVoting, StepKind.CloseVoting, StepKind.PostPrompt, StepKind.StartNextCycle,
            ],
            steps.Select(s => s.Step));
        Assert.Equal(Local(12, 18), steps[7].At);
        Assert.True(steps.Zip(steps.Skip(1)).All(p => p.First.At <= p.Second.At));
    }

    [Fact]
    public void Party_IsRemindedAnHourBefore_AfterTheAnnouncement()
    {
        var track = Berlin with { Schedule = Berlin.Schedule with { Party = new WeeklyTime(DayOfWeek.Saturday, new TimeOnly(20, 0)), PromptDays = [] } };
        var announced = Cycle.Start(track, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value
            .Announce(Domain.Common.NominationId.New(), Local(6, 18)).Value;
        var reminder = Assert.Single(StepPlanner.Plan(track, [announced]), s => s.Step == StepKind.RemindParty);
        Assert.Equal(Local(7, 19), reminder.At);

        // Overdue past the party itself, the reminder is dropped rather than sent late.
        Assert.Contains(StepPlanner.Due(track, [announced], Local(7, 19, 30)), s => s.Step == StepKind.RemindParty);
        Assert.DoesNotContain(StepPlanner.Due(track, [announced], Local(7, 21)), s => s.Step == StepKind.RemindParty);
    }
}
