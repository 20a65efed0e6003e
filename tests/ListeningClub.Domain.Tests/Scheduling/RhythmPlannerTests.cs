using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Scheduling;

namespace ListeningClub.Domain.Tests.Scheduling;

public sealed class RhythmPlannerTests
{
    private static readonly Track Berlin = Track.Create(1, "Film Night", MediaKind.Film, 2, "Europe/Berlin").Value;

    // Monday 2 November 2026, 00:00 in Berlin (UTC+1).
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.FromHours(1));

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(1));

    [Fact]
    public void NewCycle_IsPlannedByTheDefaultWeeklySchedule()
    {
        var cycle = Cycle.Start(Berlin, 1, Monday);
        Assert.Equal(Local(5, 18), cycle.VotingOpensAt);
        Assert.Equal(Local(6, 18), cycle.VotingClosesAt);
    }

    [Fact]
    public void VotingCycle_PlansRemindersThenTheClose()
    {
        var cycle = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value;
        var plan = RhythmPlanner.Plan(Berlin, [cycle]);
        Assert.Equal(
            [(RhythmStep.RemindVoting, Local(6, 17)), (RhythmStep.CloseVoting, Local(6, 18))],
            plan.Select(s => (s.Step, s.At)));
    }

    [Fact]
    public void ReminderBeforeVotingOpened_IsNotPlanned()
    {
        // The 24-hour reminder would fall before voting opened (Friday 12:00 open, Friday 18:00 close).
        var cycle = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(6, 12)).Value;
        Assert.DoesNotContain(RhythmPlanner.Plan(Berlin, [cycle]), s => s.At < Local(6, 12));
    }

    [Fact]
    public void AnnouncedCycle_PlansPromptsAndTheNextCycle()
    {
        var cycle = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value.Announce(NominationId.New(), Local(6, 18)).Value;
        var plan = RhythmPlanner.Plan(Berlin, [cycle]);
        Assert.Equal(
            [(RhythmStep.PostPrompt, Local(7, 12)), (RhythmStep.StartNextCycle, Local(9, 0)), (RhythmStep.PostPrompt, Local(9, 12)), (RhythmStep.PostPrompt, Local(11, 12))],
            plan.Select(s => (s.Step, s.At)));
    }

    [Fact]
    public void PreviousCyclesPrompts_ContinueIntoTheNextCycle()
    {
        var announced = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value.Announce(NominationId.New(), Local(6, 18)).Value;
        var closed = announced.Close(Local(9, 0)).Value;
        var next = Cycle.Start(Berlin, 2, Local(9, 0));
        var plan = RhythmPlanner.Plan(Berlin, [closed, next]);
        Assert.Contains(plan, s => s.Step == RhythmStep.PostPrompt && s.CycleId == closed.Id && s.At == Local(11, 12));
        Assert.Contains(plan, s => s.Step == RhythmStep.OpenVoting && s.CycleId == next.Id && s.At == Local(12, 18));
        Assert.DoesNotContain(plan, s => s.Step == RhythmStep.StartNextCycle);
    }

    [Fact]
    public void BotDownAcrossTheClose_RunsTheCloseOnceAndNoReminders()
    {
        var voting = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value;
        var due = RhythmPlanner.Due(Berlin, [voting], Local(6, 19));
        var step = Assert.Single(due);
        Assert.Equal(RhythmStep.CloseVoting, step.Step);
    }

    [Fact]
    public void SeveralOverdueReminders_OnlyTheLatestRuns()
    {
        var voting = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 12)).Value;
        var due = RhythmPlanner.Due(Berlin, [voting], Local(6, 17, 30));
        Assert.Equal(["remind-2"], due.Select(s => s.Key));
    }

    [Fact]
    public void SeveralOverduePrompts_OnlyTheLatestRuns()
    {
        var announced = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value.Announce(NominationId.New(), Local(6, 18)).Value;
        var closed = announced.Close(Local(9, 0)).Value;
        var due = RhythmPlanner.Due(Berlin, [closed, Cycle.Start(Berlin, 2, Local(9, 0))], Local(11, 13));
        Assert.Equal(["prompt-3"], due.Where(s => s.Step == RhythmStep.PostPrompt).Select(s => s.Key));
    }

    [Fact]
    public void PausedTrack_HasNothingDue()
    {
        var paused = Berlin with { Schedule = Berlin.Schedule with { Paused = true } };
        Assert.Empty(RhythmPlanner.Due(paused, [Cycle.Start(Berlin, 1, Monday)], Local(20, 0)));
    }

    [Fact]
    public void Fortnightly_VotingOpensInTheSecondWeek()
    {
        var fortnightly = Berlin with { Schedule = Berlin.Schedule with { EveryWeeks = 2 } };
        Assert.Equal(Local(12, 18), Cycle.Start(fortnightly, 1, Monday).VotingOpensAt);
    }

    [Theory]
    [InlineData("Thursday 18:00", DayOfWeek.Thursday, 18, 0)]
    [InlineData("thu 7:30", DayOfWeek.Thursday, 7, 30)]
    [InlineData("SUNDAY 00:00", DayOfWeek.Sunday, 0, 0)]
    public void WeeklyTime_Parses(string text, DayOfWeek day, int hour, int minute)
    {
        Assert.True(WeeklyTime.TryParse(text, out var parsed));
        Assert.Equal(new WeeklyTime(day, new TimeOnly(hour, minute)), parsed);
    }

    [Theory]
    [InlineData("someday 18:00")]
    [InlineData("Thursday 25:00")]
    [InlineData("t 18:00")]
    public void WeeklyTime_RejectsNonsense(string text) => Assert.False(WeeklyTime.TryParse(text, out _));

    [Fact]
    public void Schedule_VotingClosingBeforeItOpens_IsRejected()
    {
        var bad = TrackSchedule.Weekly with { VotingOpens = new(DayOfWeek.Friday, new TimeOnly(18, 0)), VotingCloses = new(DayOfWeek.Friday, new TimeOnly(17, 0)) };
        Assert.Equal("schedule.order", bad.Validate().Problem!.Code);
    }
}
