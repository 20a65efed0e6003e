using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;

namespace ListeningClub.Domain.Schedule;

/// <summary>
/// Works out which steps of a track are still to perform and which are due, from the store's state alone, so a
/// restart never skips or doubles one. A step is performed once: phase changes are told by the cycle's phase, the
/// other steps by the keys the cycle records when they are done (<see cref="Cycle.StepsDone"/>), so a step a manager
/// ran early (/club advance) is not run again when its time comes. Steps that came due long ago are summarised: of
/// several overdue reminders or prompts only the latest runs (the earlier ones count as passed once it is done), a
/// reminder for a vote that has already closed never runs, and a vote whose close is also overdue opens silently.
/// </summary>
public static class StepPlanner
{
    /// <summary>The key of a cycle's "nominations are open" post.</summary>
    public const string NominationsKey = "nominations";

    /// <summary>The key of the step that opens the pick's discussion (thread and starter message).</summary>
    public const string DiscussionKey = "discussion";

    /// <summary>Every step of the current and previous cycle still to perform (overdue ones included), in time order.</summary>
    /// <param name="recentCycles">The track's latest cycles (the current one and the one before are enough).</param>
    public static IReadOnlyList<PlannedStep> Plan(Track track, IReadOnlyList<Cycle> recentCycles)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(recentCycles);
        if (track.Schedule.Paused)
        {
            return [];
        }

        var zone = track.TimeZone;
        var schedule = track.Schedule;
        var steps = new List<PlannedStep>();
        foreach (var cycle in recentCycles.OrderByDescending(c => c.Number).Take(2))
        {
            switch (cycle.Phase)
            {
                case CyclePhase.Nominating:
                    steps.AddRange(NotDone(cycle, [new PlannedStep(StepKind.OpenNominations, cycle.StartedAt, NominationsKey, cycle.Id)]));
                    if (cycle.VotingOpensAt is { } opens)
                    {
                        steps.Add(new PlannedStep(StepKind.OpenVoting, opens, "open", cycle.Id));
                    }

                    break;
                case CyclePhase.Voting when cycle.VotingClosesAt is { } closes:
                    var reminders = schedule.VotingReminders.OrderDescending()
                        .Select(lead => closes - lead)
                        .Where(at => cycle.VotingOpenedAt is not { } opened || at > opened)
                        .Select((at, i) => new PlannedStep(StepKind.RemindVoting, at, $"remind-{i + 1}", cycle.Id));
                    steps.AddRange(NotDone(cycle, reminders));
                    steps.Add(new PlannedStep(StepKind.CloseVoting, closes, "close", cycle.Id));
                    break;
            }

            if (cycle.Phase is CyclePhase.Announced or CyclePhase.Closed && cycle.AnnouncedAt is { } announced && cycle.PickId is not null)
            {
                if (cycle.Phase == CyclePhase.Announced)
                {
                    steps.AddRange(NotDone(cycle, [new PlannedStep(StepKind.OpenDiscussion, announced, DiscussionKey, cycle.Id)]));
                }

                var prompts = schedule.PromptTimes(announced, zone);
                steps.AddRange(NotDone(cycle, prompts.Select((at, i) => new PlannedStep(StepKind.PostPrompt, at, $"prompt-{i + 1}", cycle.Id))));
                if (schedule.PartyAfter(announced, zone) is { } party)
                {
                    var partyReminders = schedule.PartyReminders.OrderDescending()
                        .Select((lead, i) => new PlannedStep(StepKind.RemindParty, party - lead, $"party-{i + 1}", cycle.Id))
                        .Where(s => s.At > announced);
                    steps.AddRange(NotDone(cycle, partyReminders));
                }
            }

            if (cycle.Phase == CyclePhase.Announced && recentCycles.Max(c => c.Number) == cycle.Number)
            {
                steps.Add(new PlannedStep(StepKind.StartNextCycle, NextCycleStart(track, cycle), "next", cycle.Id));
            }
        }

        return steps.OrderBy(s => s.At).ThenBy(s => s.Step).ToList();
    }

    /// <summary>The steps to run now: everything due, with overdue reminders and prompts summarised to the latest.</summary>
    public static IReadOnlyList<PlannedStep> Due(Track track, IReadOnlyList<Cycle> recentCycles, DateTimeOffset now)
    {
        var plan = Plan(track, recentCycles);
        var due = plan.Where(s => s.At <= now).ToList();
        var closes = plan.Where(s => s.Step == StepKind.CloseVoting).ToDictionary(s => s.CycleId, s => s.At);

        var latestReminder = due
            .Where(s => s.Step == StepKind.RemindVoting && (!closes.TryGetValue(s.CycleId, out var close) || now < close))
            .MaxBy(s => s.At);
        var latestPartyReminder = due
            .Where(s => s.Step == StepKind.RemindParty && PartyOf(track, recentCycles, s.CycleId) is { } party && now < party)
            .MaxBy(s => s.At);
        var latestPrompt = due.Where(s => s.Step == StepKind.PostPrompt).GroupBy(s => s.CycleId).Select(g => g.MaxBy(s => s.At)!).ToList();

        return due
            .Where(s => s.Step switch
            {
                StepKind.RemindVoting => s == latestReminder,
                StepKind.RemindParty => s == latestPartyReminder,
                StepKind.PostPrompt => latestPrompt.Contains(s),
                _ => true,
            })
            .ToList();
    }

    /// <summary>
    /// The step a manager's /club advance performs now: the first step due (as the schedule would run it), else the
    /// first one still ahead; null when nothing is planned.
    /// </summary>
    public static PlannedStep? NextToRun(Track track, IReadOnlyList<Cycle> recentCycles, DateTimeOffset now) =>
        Due(track, recentCycles, now) is [var first, ..] ? first : NextAfter(track, recentCycles, now);

    /// <summary>When the cycle after <paramref name="cycle"/> (announced) starts: the schedule's next nominations opening, or later after a skip.</summary>
    public static DateTimeOffset NextCycleStart(Track track, Cycle cycle)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        var announced = cycle.AnnouncedAt ?? cycle.VotingClosesAt ?? cycle.StartedAt;
        var closedAt = cycle.VotingClosesAt is { } closes && closes > announced ? closes : announced;
        var start = track.Schedule.NextCycleStart(closedAt, track.TimeZone);
        return cycle.NextCycleNotBefore is { } notBefore && notBefore > start ? notBefore : start;
    }

    /// <summary>When the party of <paramref name="cycleId"/>'s pick is, if the track has one and the pick is announced.</summary>
    public static DateTimeOffset? PartyOf(Track track, IReadOnlyList<Cycle> recentCycles, Common.CycleId cycleId)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(recentCycles);
        return recentCycles.FirstOrDefault(c => c.Id == cycleId)?.AnnouncedAt is { } announced ? track.Schedule.PartyAfter(announced, track.TimeZone) : null;
    }

    /// <summary>
    /// The next <paramref name="count"/> steps after <paramref name="now"/>, looking past the current cycle: later
    /// cycles are planned as if each pick were announced when its vote is due to close. The posts that come with the
    /// step before them (nominations open with the cycle, the discussion with the announcement) are not listed apart.
    /// </summary>
    public static IReadOnlyList<PlannedStep> Preview(Track track, IReadOnlyList<Cycle> recentCycles, DateTimeOffset now, int count)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(recentCycles);
        bool Listed(PlannedStep s) => s.At > now && s.Step is not (StepKind.OpenNominations or StepKind.OpenDiscussion);
        var steps = Plan(track, recentCycles).Where(Listed).ToList();
        var cycles = recentCycles.ToList();
        for (var guard = 0; steps.Count < count && guard < 8 && !track.Schedule.Paused; guard++)
        {
            var latest = cycles.MaxBy(c => c.Number)!;
            var hypothetical = latest.Phase switch
            {
                CyclePhase.Nominating when latest.VotingOpensAt is { } opens =>
                    latest with { Phase = CyclePhase.Voting, VotingOpenedAt = opens },
                CyclePhase.Voting when latest.VotingClosesAt is { } closes =>
                    latest with { Phase = CyclePhase.Announced, AnnouncedAt = closes, PickId = new Common.NominationId(Guid.Empty) },
                CyclePhase.Announced => Cycle.Start(track, latest.Number + 1, NextCycleStart(track, latest)),
                _ => null,
            };
            if (hypothetical is null)
            {
                break;
            }

            cycles = [.. cycles.Where(c => c.Id != hypothetical.Id), hypothetical];
            var known = steps.Select(s => (s.CycleId, s.Key)).ToHashSet();
            steps.AddRange(Plan(track, cycles).Where(s => Listed(s) && !known.Contains((s.CycleId, s.Key))));
        }

        return steps.OrderBy(s => s.At).ThenBy(s => s.Step).Take(count).ToList();
    }

    /// <summary>
    /// When the ratings of <paramref name="announced"/>'s pick are planned to be revealed: with the next pick, when the
    /// next cycle's vote is planned to close.
    /// </summary>
    public static DateTimeOffset PlannedReveal(Track track, Cycle announced)
    {
        ArgumentNullException.ThrowIfNull(track);
        return track.Schedule.Plan(NextCycleStart(track, announced), track.TimeZone).VotingClosesAt;
    }

    /// <summary>The next step due after <paramref name="now"/>, for arming the trigger; null when nothing is planned.</summary>
    public static PlannedStep? NextAfter(Track track, IReadOnlyList<Cycle> recentCycles, DateTimeOffset now) =>
        Plan(track, recentCycles).FirstOrDefault(s => s.At > now);

    /// <summary>The steps of a series (a cycle's reminders, or its prompts) still to do: those after the last one done.</summary>
    private static IEnumerable<PlannedStep> NotDone(Cycle cycle, IEnumerable<PlannedStep> series)
    {
        var ordered = series.OrderBy(s => s.At).ToList();
        var lastDone = ordered.FindLastIndex(s => cycle.StepsDone.Contains(s.Key));
        return ordered.Skip(lastDone + 1);
    }
}
