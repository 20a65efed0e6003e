namespace ListeningClub.Discord.Models;

/// <summary>Body of POST /channels/{id}/messages/{id}/threads. Name 1–100; archive after 60, 1440, 4320 or 10080 minutes.</summary>
public sealed record StartThreadFromMessageRequest
{
    public string Name { get; init; } = "";
    public int? AutoArchiveDuration { get; init; }
    public int? RateLimitPerUser { get; init; }
}

/// <summary>Body of POST /channels/{id}/threads without a message. Discord defaults <see cref="Type"/> to a private thread; the client defaults it to public.</summary>
public sealed record StartThreadRequest
{
    public string Name { get; init; } = "";
    public int? AutoArchiveDuration { get; init; }
    public ChannelType? Type { get; init; }
    public bool? Invitable { get; init; }
    public int? RateLimitPerUser { get; init; }
}

/// <summary>Body of POST /channels/{forum_id}/threads: a forum or media post with its first message.</summary>
public sealed record ForumPostRequest
{
    public string Name { get; init; } = "";
    public int? AutoArchiveDuration { get; init; }
    public int? RateLimitPerUser { get; init; }
    public IReadOnlyList<ulong>? AppliedTags { get; init; }
    public ForumPostMessage Message { get; init; } = new();
}

public sealed record ForumPostMessage
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public MessageFlags? Flags { get; init; }

    /// <summary>Files sent with the starter message, by their <c>files[n]</c> index; set by the client from the files it uploads.</summary>
    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }
}
