using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Prompts;

/// <summary>Which prompts of a track's deck have been drawn in the current pass through it.</summary>
public sealed record PromptDrawState
{
    public required TrackId TrackId { get; init; }

    /// <summary>1 for the first pass through the deck; a new pass starts when every prompt has been drawn.</summary>
    public int Round { get; init; } = 1;

    public IReadOnlyList<PromptId> Drawn { get; init; } = [];

    public static PromptDrawState New(TrackId trackId) => new() { TrackId = trackId };
}
