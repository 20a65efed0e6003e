using ListeningClub.Domain.Common;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Clubs;

/// <summary>The rules a track's cycles follow. Build changed rules with <see cref="Validate"/>.</summary>
public sealed record TrackRules
{
    public const int MaxNominationCap = 10;
    public const int MaxCarryOverCycles = 10;
    public const int MinBallotSize = 1;
    public const int MaxBallotSize = 10;

    public static TrackRules Default { get; } = new();

    /// <summary>How many nominations one member may have in one cycle.</summary>
    public int NominationCapPerMember { get; init; } = 1;

    /// <summary>For how many following cycles an unpicked nomination stays on the list by itself.</summary>
    public int CarryOverCycles { get; init; }

    /// <summary>Whether a film or album that was already picked may be nominated again.</summary>
    public bool AllowPastPicks { get; init; }

    public VotingMethod VotingMethod { get; init; } = VotingMethod.InstantRunoff;

    /// <summary>How many places a ranked ballot has (instant-runoff and Schulze).</summary>
    public int BallotSize { get; init; } = 3;

    /// <summary>
    /// Plurality and approval tracks vote with a Discord poll on the voting post (when there are 2–10 candidates)
    /// instead of the bot's ballot form. See <see cref="Ballots.NativePoll"/>.
    /// </summary>
    public bool NativePoll { get; init; }

    public Result<TrackRules> Validate()
    {
        if (NominationCapPerMember is < 1 or > MaxNominationCap)
        {
            return new Problem("rules.cap", $"The nomination cap must be between 1 and {MaxNominationCap} per member.");
        }

        if (CarryOverCycles is < 0 or > MaxCarryOverCycles)
        {
            return new Problem("rules.carry_over", $"Carry-over must be between 0 and {MaxCarryOverCycles} cycles.");
        }

        if (BallotSize is < MinBallotSize or > MaxBallotSize)
        {
            return new Problem("rules.ballot_size", $"The ballot size must be between {MinBallotSize} and {MaxBallotSize} places.");
        }

        if (!Enum.IsDefined(VotingMethod))
        {
            return new Problem("rules.method", "Unknown voting method; choose plurality, approval, instant-runoff or Schulze.");
        }

        return this;
    }
}
