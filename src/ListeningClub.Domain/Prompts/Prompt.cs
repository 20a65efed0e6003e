using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Prompts;

/// <summary>A discussion question in a track's deck.</summary>
public sealed record Prompt
{
    public const int MinLength = 10;
    public const int MaxLength = 300;

    public required PromptId Id { get; init; }

    public required TrackId TrackId { get; init; }

    public required string Text { get; init; }

    public required PromptSource Source { get; init; }

    public ulong? AddedBy { get; init; }

    public required DateTimeOffset AddedAt { get; init; }

    /// <summary>Removed prompts stay in history but are never drawn again.</summary>
    public bool Removed { get; init; }
}
