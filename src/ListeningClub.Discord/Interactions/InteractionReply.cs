using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Interactions;

/// <summary>
/// A message a handler sends (reply, update, follow-up, edit). Pings nobody unless <see cref="AllowedMentions"/>
/// names users or roles; text is cut to Discord's limits by the client.
/// </summary>
public sealed record InteractionReply
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public PollCreateRequest? Poll { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public bool Ephemeral { get; init; }

    /// <summary>Files to attach (sent as a multipart upload; a reply with files is deferred first, then the original is edited).</summary>
    public IReadOnlyList<FileUpload> Files { get; init; } = [];

    public static InteractionReply Text(string content, bool ephemeral = false) => new() { Content = content, Ephemeral = ephemeral };

    internal MessageFlags? Flags => Ephemeral ? MessageFlags.Ephemeral : null;

    internal InteractionCallbackData ToCallbackData() => new()
    {
        Content = Content,
        Embeds = Embeds,
        Components = Components,
        Poll = Poll,
        AllowedMentions = AllowedMentions,
        Flags = Flags,
    };

    internal WebhookMessageRequest ToWebhookMessage() => new()
    {
        Content = Content,
        Embeds = Embeds,
        Components = Components,
        Poll = Poll,
        AllowedMentions = AllowedMentions,
        Flags = Flags,
    };

    /// <summary>An edit of an existing message: ephemerality cannot change, so no flags.</summary>
    internal WebhookMessageRequest ToWebhookEdit() => new()
    {
        Content = Content,
        Embeds = Embeds,
        Components = Components,
        AllowedMentions = AllowedMentions,
    };
}
