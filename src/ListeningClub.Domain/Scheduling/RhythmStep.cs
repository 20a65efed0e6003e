namespace ListeningClub.Domain.Scheduling;

/// <summary>The things a track does by itself.</summary>
public enum RhythmStep
{
    /// <summary>Close nominations and open the vote (posts the ballot announcement with the tie-break commitment).</summary>
    OpenVoting = 0,

    /// <summary>Remind members that voting closes soon.</summary>
    RemindVoting = 1,

    /// <summary>Close the vote, announce the pick, reveal the previous pick's ratings, open the discussion thread.</summary>
    CloseVoting = 2,

    /// <summary>Post a discussion prompt in the pick's thread.</summary>
    PostPrompt = 3,

    /// <summary>Close the announced cycle and open nominations for the next one.</summary>
    StartNextCycle = 4,

    /// <summary>Remind members that the watch/listen party starts soon.</summary>
    RemindParty = 5,
}

/// <summary>A step of a cycle with the instant it is due and a key unique within that cycle ("remind-1", "prompt-2").</summary>
public sealed record PlannedStep(RhythmStep Step, DateTimeOffset At, string Key, Common.CycleId CycleId);
