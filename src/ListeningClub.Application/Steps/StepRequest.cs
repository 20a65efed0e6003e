using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Application.Steps;

/// <summary>
/// One step to perform: the track, its recent cycles (the current one and the one before it, oldest first), the planned
/// step, and when and by whom it runs. A manager's call (<see cref="ByManager"/>) is refused where the schedule would
/// re-plan instead (voting with nothing nominated).
/// </summary>
public sealed record StepRequest(Track Track, IReadOnlyList<Cycle> Recent, PlannedStep Planned, DateTimeOffset Now, bool ByManager)
{
    /// <summary>The cycle the step belongs to.</summary>
    public Cycle Cycle => Recent.Single(c => c.Id == Planned.CycleId);

    /// <summary>How long after its planned time the step runs (zero or less when on time or early).</summary>
    public TimeSpan Late => Now - Planned.At;
}

/// <summary>Whether a step was performed by this request, or had been performed before (its post decided already).</summary>
public enum StepRun
{
    Performed = 0,
    AlreadyPerformed = 1,
}

/// <summary>What /club advance did: the step it performed, and the step that comes after it (null when none is planned).</summary>
public sealed record AdvancedStep(PlannedStep Done, PlannedStep? Next);

/// <summary>What a pass over a track's due steps did: the next planned step, the steps that were refused and why.</summary>
public sealed record AdvanceReport(PlannedStep? Next, IReadOnlyList<RefusedStep> Refused)
{
    /// <summary>True when the track changed phase more often in one pass than a cycle can (a bug): it is tried again in a minute.</summary>
    public bool GaveUp { get; init; }
}

/// <summary>A due step that did not run, with the reason (it stays planned: the next pass tries again).</summary>
public sealed record RefusedStep(StepKind Step, string Reason);
