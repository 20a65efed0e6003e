using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Domain.Tests.Schedule;

public sealed class StepPlannerTests
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
        var plan = StepPlanner.Plan(Berlin, [cycle]);
        Assert.Equal(
            [(StepKind.RemindVoting, Local(6, 17)), (StepKind.CloseVoting, Local(6, 18))],
            plan.Select(s => (s.Step, s.At)));
    }

    [Fact]
    public void ReminderBeforeVotingOpened_IsNotPlanned()
    {
        // The 24-hour reminder would fall before voting opened (Friday 12:00 open, Friday 18:00 close).
        var cycle = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(6, 12)).Value;
        Assert.DoesNotContain(StepPlanner.Plan(Berlin, [cycle]), s => s.At < Local(6, 12));
    }

    [Fact]
    public void AnnouncedCycle_PlansTheDiscussionPromptsAndTheNextCycle()
    {
        var cycle = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value.Announce(NominationId.New(), Local(6, 18)).Value;
        var plan = StepPlanner.Plan(Berlin, [cycle]);
        Assert.Equal(
            [(StepKind.OpenDiscussion, Local(6, 18)), (StepKind.PostPrompt, Local(7, 12)), (StepKind.StartNextCycle, Local(9, 0)), (StepKind.PostPrompt, Local(9, 12)), (StepKind.PostPrompt, Local(11, 12))],
            plan.Select(s => (s.Step, s.At)));
    }

    [Fact]
    public void NewCycle_PlansItsNominationsPost_UntilItIsDone()
    {
        var cycle = Cycle.Start(Berlin, 1, Local(3, 10));
        Assert.Equal(
            [(StepKind.OpenNominations, Local(3, 10)), (StepKind.OpenVoting, Local(5, 18))],
            StepPlanner.Plan(Berlin, [cycle]).Select(s => (s.Step, s.At)));
        Assert.Equal(StepKind.OpenNominations, StepPlanner.Due(Berlin, [cycle], Local(3, 10)).Single().Step);

        var posted = cycle.WithStepDone(StepPlanner.NominationsKey);
        Assert.Equal([StepKind.OpenVoting], StepPlanner.Plan(Berlin, [posted]).Select(s => s.Step));
        Assert.Empty(StepPlanner.Due(Berlin, [posted], Local(4, 0)));
    }

    [Fact]
    public void StepPerformedEarly_IsNotPlannedAgain_AndTheNextStepIsTheOneAfterIt()
    {
        // Both reminders planned (24 hours and an hour before Friday 18:00); a manager ran the first one on Tuesday.
        var voting = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(3, 9)).Value with { StepsDone = DoneSteps.Of([StepPlanner.NominationsKey]) };
        Assert.Equal(("remind-1", Local(5, 18)), Key(StepPlanner.NextAfter(Berlin, [voting], Local(3, 10))));

        var reminded = voting.WithStepDone("remind-1");
        Assert.Equal(["remind-2", "close"], StepPlanner.Plan(Berlin, [reminded]).Select(s => s.Key));
        Assert.Equal(("remind-2", Local(6, 17)), Key(StepPlanner.NextAfter(Berlin, [reminded], Local(3, 10))));
        Assert.Equal(("remind-2", Local(6, 17)), Key(StepPlanner.NextToRun(Berlin, [reminded], Local(3, 10))));

        // Its planned time comes: nothing is due.
        Assert.Empty(StepPlanner.Due(Berlin, [reminded], Local(5, 18)));
    }

    [Fact]
    public void LaterStepOfASeriesDone_PassesTheEarlierOnes()
    {
        // The bot was down across both reminders; the catch-up ran only the latest.
        var voting = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(3, 9)).Value.WithStepDone("remind-2");
        Assert.Equal(["close"], StepPlanner.Plan(Berlin, [voting]).Select(s => s.Key));

        var announced = voting.Announce(NominationId.New(), Local(6, 18)).Value.WithStepDone(StepPlanner.DiscussionKey).WithStepDone("prompt-2");
        Assert.Equal(["next", "prompt-3"], StepPlanner.Plan(Berlin, [announced]).Select(s => s.Key));
    }

    [Fact]
    public void NextToRun_IsWhatIsDueFirst_ElseTheNextStepAhead()
    {
        var cycle = Cycle.Start(Berlin, 1, Monday);
        Assert.Equal((StepPlanner.NominationsKey, Monday), Key(StepPlanner.NextToRun(Berlin, [cycle], Local(2, 9))));
        Assert.Equal(("open", Local(5, 18)), Key(StepPlanner.NextToRun(Berlin, [cycle.WithStepDone(StepPlanner.NominationsKey)], Local(2, 9))));
    }

    [Fact]
    public void Preview_DoesNotListThePostsThatComeWithTheStepBefore()
    {
        var steps = StepPlanner.Preview(Berlin, [Cycle.Start(Berlin, 1, Monday)], Local(2, 9), 20);
        Assert.DoesNotContain(steps, s => s.Step is StepKind.OpenNominations or StepKind.OpenDiscussion);
        Assert.Contains(steps, s => s.Step == StepKind.StartNextCycle);
    }

    [Fact]
    public void PlannedReveal_IsWhenTheNextCyclesVoteIsPlannedToClose()
    {
        var announced = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value.Announce(NominationId.New(), Local(6, 18)).Value;
        Assert.Equal(Local(13, 18), StepPlanner.PlannedReveal(Berlin, announced));
    }

    private static (string Key, DateTimeOffset At) Key(PlannedStep? step) => (step!.Key, step.At);

    [Fact]
    public void PreviousCyclesPrompts_ContinueIntoTheNextCycle()
    {
        var announced = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value.Announce(NominationId.New(), Local(6, 18)).Value;
        var closed = announced.Close(Local(9, 0)).Value;
        var next = Cycle.Start(Berlin, 2, Local(9, 0));
        var plan = StepPlanner.Plan(Berlin, [closed, next]);
        Assert.Contains(plan, s => s.Step == StepKind.PostPrompt && s.CycleId == closed.Id && s.At == Local(11, 12));
        Assert.Contains(plan, s => s.Step == StepKind.OpenVoting && s.CycleId == next.Id && s.At == Local(12, 18));
        Assert.DoesNotContain(plan, s => s.Step == StepKind.StartNextCycle);
    }

    [Fact]
    public void BotDownAcrossTheClose_RunsTheCloseOnceAndNoReminders()
    {
        var voting = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value;
        var due = StepPlanner.Due(Berlin, [voting], Local(6, 19));
        var step = Assert.Single(due);
        Assert.Equal(StepKind.CloseVoting, step.Step);
    }

    [Fact]
    public void SeveralOverdueReminders_OnlyTheLatestRuns()
    {
        var voting = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 12)).Value;
        var due = StepPlanner.Due(Berlin, [voting], Local(6, 17, 30));
        Assert.Equal(["remind-2"], due.Select(s => s.Key));
    }

    [Fact]
    public void SeveralOverduePrompts_OnlyTheLatestRuns()
    {
        var announced = Cycle.Start(Berlin, 1, Monday).OpenVoting(2, "s", "c", Local(5, 18)).Value.Announce(NominationId.New(), Local(6, 18)).Value;
        var closed = announced.Close(Local(9, 0)).Value;
        var due = StepPlanner.Due(Berlin, [closed, Cycle.Start(Berlin, 2, Local(9, 0))], Local(11, 13));
        Assert.Equal(["prompt-3"], due.Where(s => s.Step == StepKind.PostPrompt).Select(s => s.Key));
    }

    [Fact]
    public void PausedTrack_HasNothingDue()
    {
        var paused = Berlin with { Schedule = Berlin.Schedule with { Paused = true } };
        Assert.Empty(StepPlanner.Due(paused, [Cycle.Start(Berlin, 1, Monday)], Local(20, 0)));
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
