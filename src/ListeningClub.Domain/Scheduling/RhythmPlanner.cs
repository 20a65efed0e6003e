using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;

namespace ListeningClub.Domain.Scheduling;

/// <summary>
/// Works out which steps of a track are due, from the store's state alone, so a restart never skips or doubles one.
/// Steps that came due long ago are summarised: of several overdue reminders or prompts only the latest runs, a
/// reminder for a vote that has already closed never runs, and a vote whose close is also overdue opens silently.
/// </summary>
public static class RhythmPlanner
{
    /// <summary>Every upcoming and overdue step of the current and previous cycle, in time order.</summary>
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
                case CyclePhase.Nominating when cycle.VotingOpensAt is { } opens:
                    steps.Add(new PlannedStep(RhythmStep.OpenVoting, opens, "open", cycle.Id));
                    break;
                case CyclePhase.Voting when cycle.VotingClosesAt is { } closes:
                    var index = 0;
                    foreach (var lead in schedule.VotingReminders.OrderDescending())
                    {
                        var at = closes - lead;
                        if (cycle.VotingOpenedAt is not { } opened || at > opened)
                        {
                            steps.Add(new PlannedStep(RhythmStep.RemindVoting, at, $"remind-{++index}", cycle.Id));
                        }
                    }

                    steps.Add(new PlannedStep(RhythmStep.CloseVoting, closes, "close", cycle.Id));
                    break;
            }

            if (cycle.Phase is CyclePhase.Announced or CyclePhase.Closed && cycle.AnnouncedAt is { } announced && cycle.PickId is not null)
            {
                var prompts = schedule.PromptTimes(announced, zone);
                steps.AddRange(prompts.Select((at, i) => new PlannedStep(RhythmStep.PostPrompt, at, $"prompt-{i + 1}", cycle.Id)));
            }

            if (cycle.Phase == CyclePhase.Announced && recentCycles.Max(c => c.Number) == cycle.Number)
            {
                var closedAt = cycle.VotingClosesAt ?? cycle.AnnouncedAt!.Value;
                steps.Add(new PlannedStep(RhythmStep.StartNextCycle, schedule.NextCycleStart(closedAt > cycle.AnnouncedAt ? closedAt : cycle.AnnouncedAt!.Value, zone), "next", cycle.Id));
            }
        }

        return steps.OrderBy(s => s.At).ThenBy(s => s.Step).ToList();
    }

    /// <summary>The steps to run now: everything due, with overdue reminders and prompts summarised to the latest.</summary>
    public static IReadOnlyList<PlannedStep> Due(Track track, IReadOnlyList<Cycle> recentCycles, DateTimeOffset now)
    {
        var plan = Plan(track, recentCycles);
        var due = plan.Where(s => s.At <= now).ToList();
        var closes = plan.Where(s => s.Step == RhythmStep.CloseVoting).ToDictionary(s => s.CycleId, s => s.At);

        var latestReminder = due
            .Where(s => s.Step == RhythmStep.RemindVoting && (!closes.TryGetValue(s.CycleId, out var close) || now < close))
            .MaxBy(s => s.At);
        var latestPrompt = due.Where(s => s.Step == RhythmStep.PostPrompt).GroupBy(s => s.CycleId).Select(g => g.MaxBy(s => s.At)!).ToList();

        return due
            .Where(s => s.Step switch
            {
                RhythmStep.RemindVoting => s == latestReminder,
                RhythmStep.PostPrompt => latestPrompt.Contains(s),
                _ => true,
            })
            .ToList();
    }

    /// <summary>The next step due after <paramref name="now"/>, for arming the trigger; null when nothing is planned.</summary>
    public static PlannedStep? NextAfter(Track track, IReadOnlyList<Cycle> recentCycles, DateTimeOffset now) =>
        Plan(track, recentCycles).FirstOrDefault(s => s.At > now);
}
