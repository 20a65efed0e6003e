namespace ListeningClub.Domain.Schedule;

/// <summary>The things a track does by itself.</summary>
public enum StepKind
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

    /// <summary>Tell the channel that nominations are open: what to nominate, how, how many, until when.</summary>
    OpenNominations = 6,

    /// <summary>Open the pick's discussion: the thread (or the forum post) and its starter message.</summary>
    OpenDiscussion = 7,
}

/// <summary>
/// A step of a cycle with the instant it is due and a key unique within that cycle ("open", "remind-1", "close",
/// "prompt-2"); the key is what the cycle records once the step is performed (<see cref="Cycles.Cycle.StepsDone"/>).
/// </summary>
public sealed record PlannedStep(StepKind Step, DateTimeOffset At, string Key, Common.CycleId CycleId);
