using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.State;

public sealed class MessageEntity
{
    public required ulong Id { get; init; }
    public required ulong ChannelId { get; init; }
    public ulong? GuildId { get; init; }
    public required ulong AuthorId { get; init; }
    public int Type { get; init; }
    public string Content { get; set; } = "";
    public JsonArray Embeds { get; set; } = [];
    public JsonArray Components { get; set; } = [];
    public JsonArray Attachments { get; set; } = [];
    public long Flags { get; set; }
    public bool Tts { get; init; }
    public JsonNode? Nonce { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public DateTimeOffset? EditedTimestamp { get; set; }
    public ulong? WebhookId { get; init; }
    public ulong? ApplicationId { get; init; }
    public ulong? InteractionId { get; init; }
    public ulong? ReferencedMessageId { get; init; }
    public JsonObject? MessageReference { get; init; }
    public JsonObject? InteractionMetadata { get; init; }
    public PollEntity? Poll { get; set; }
    public ulong? ThreadId { get; set; }
    public JsonObject? ResultEmbed { get; init; }
    public JsonNode? AllowedMentions { get; set; }
    public MentionOutcome Mentions { get; set; } = MentionOutcome.None;
    public bool Deleted { get; set; }
}
