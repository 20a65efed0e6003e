namespace ListeningClub.Discord.Models;

/// <summary>
/// Body of POST /channels/{id}/messages. The client fills <see cref="AllowedMentions"/> with
/// <see cref="Models.AllowedMentions.None"/> when left null, a <see cref="Nonce"/> with
/// <see cref="EnforceNonce"/> when left null, and cuts text to Discord's limits.
/// </summary>
public sealed record MessageCreateRequest
{
    public string? Content { get; init; }
    public string? Nonce { get; init; }
    public bool? EnforceNonce { get; init; }
    public bool? Tts { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public MessageReference? MessageReference { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public IReadOnlyList<ulong>? StickerIds { get; init; }
    public MessageFlags? Flags { get; init; }
    public PollCreateRequest? Poll { get; init; }

    /// <summary>
    /// Files sent with this message, by their <c>files[n]</c> index. A stored message may name the files it wants
    /// (an embed shows one as <c>attachment://name</c>); the client sets them from the files it uploads.
    /// </summary>
    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }
}

/// <summary>Body of PATCH /channels/{id}/messages/{id}. Null fields are left unchanged.</summary>
public sealed record MessageEditRequest
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public MessageFlags? Flags { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
}

/// <summary>Body of an interaction follow-up (POST /webhooks/{app}/{token}) or an edit of @original / a follow-up.</summary>
public sealed record WebhookMessageRequest
{
    public string? Content { get; init; }
    public bool? Tts { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public MessageFlags? Flags { get; init; }
    public PollCreateRequest? Poll { get; init; }

    /// <summary>Files sent with this message, by their <c>files[n]</c> index; set by the client from the files it uploads.</summary>
    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }
}
