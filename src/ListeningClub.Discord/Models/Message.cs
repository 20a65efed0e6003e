using System.Text.Json;

namespace ListeningClub.Discord.Models;

/// <summary>A message as Discord returns it.</summary>
public sealed record Message
{
    public ulong Id { get; init; }
    public ulong ChannelId { get; init; }
    public ulong? GuildId { get; init; }
    public User? Author { get; init; }
    public GuildMember? Member { get; init; }
    public string Content { get; init; } = "";
    public DateTimeOffset Timestamp { get; init; }
    public DateTimeOffset? EditedTimestamp { get; init; }
    public bool Tts { get; init; }
    public bool MentionEveryone { get; init; }
    public IReadOnlyList<User>? Mentions { get; init; }
    public IReadOnlyList<ulong>? MentionRoles { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>The nonce as sent (a string or a number).</summary>
    public JsonElement? Nonce { get; init; }
    public bool Pinned { get; init; }
    public int Type { get; init; }
    public MessageFlags? Flags { get; init; }
    public MessageReference? MessageReference { get; init; }
    public Poll? Poll { get; init; }
    public Channel? Thread { get; init; }
}

public sealed record MessageReference
{
    public int? Type { get; init; }
    public ulong? MessageId { get; init; }
    public ulong? ChannelId { get; init; }
    public ulong? GuildId { get; init; }
    public bool? FailIfNotExists { get; init; }
}
