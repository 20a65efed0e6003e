namespace ListeningClub.Discord.Models;

/// <summary>A poll to create inside a message. Question ≤ 300, 1–10 answers of ≤ 55, duration 1–768 hours.</summary>
public sealed record PollCreateRequest
{
    public PollMedia Question { get; init; } = new();
    public IReadOnlyList<PollAnswer> Answers { get; init; } = [];
    public int? Duration { get; init; }
    public bool? AllowMultiselect { get; init; }
    public int? LayoutType { get; init; }
}

public sealed record PollMedia
{
    public string? Text { get; init; }
    public Emoji? Emoji { get; init; }
}

public sealed record PollAnswer
{
    /// <summary>Set by Discord (absent when creating).</summary>
    public int? AnswerId { get; init; }
    public PollMedia PollMedia { get; init; } = new();
}

/// <summary>A poll as it appears on a message.</summary>
public sealed record Poll
{
    public PollMedia Question { get; init; } = new();
    public IReadOnlyList<PollAnswer> Answers { get; init; } = [];
    public DateTimeOffset? Expiry { get; init; }
    public bool AllowMultiselect { get; init; }
    public int LayoutType { get; init; }

    /// <summary>Absent means "unknown"; counts are approximate until <see cref="PollResults.IsFinalized"/>.</summary>
    public PollResults? Results { get; init; }
}

public sealed record PollResults
{
    public bool IsFinalized { get; init; }
    public IReadOnlyList<PollAnswerCount> AnswerCounts { get; init; } = [];
}

public sealed record PollAnswerCount
{
    public int Id { get; init; }
    public int Count { get; init; }
    public bool MeVoted { get; init; }
}

/// <summary>Response of GET …/polls/{message_id}/answers/{answer_id}.</summary>
public sealed record PollAnswerVoters
{
    public IReadOnlyList<User> Users { get; init; } = [];
}

/// <summary>MESSAGE_POLL_VOTE_ADD / MESSAGE_POLL_VOTE_REMOVE.</summary>
public sealed record PollVoteEvent
{
    public ulong UserId { get; init; }
    public ulong ChannelId { get; init; }
    public ulong MessageId { get; init; }
    public ulong? GuildId { get; init; }
    public int AnswerId { get; init; }
}
