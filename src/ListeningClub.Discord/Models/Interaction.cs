using System.Text.Json;

namespace ListeningClub.Discord.Models;

/// <summary>The interaction object Discord sends in INTERACTION_CREATE.</summary>
public sealed record Interaction
{
    public ulong Id { get; init; }
    public ulong ApplicationId { get; init; }
    public InteractionType Type { get; init; }
    public InteractionData? Data { get; init; }
    public ulong? GuildId { get; init; }
    public Channel? Channel { get; init; }
    public ulong? ChannelId { get; init; }

    /// <summary>The invoking member in a guild, with <see cref="GuildMember.Permissions"/>.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>The invoking user in a DM.</summary>
    public User? User { get; init; }

    /// <summary>Valid for 15 minutes. Never log it.</summary>
    public string Token { get; init; } = "";
    public int Version { get; init; }

    /// <summary>The message a component was on.</summary>
    public Message? Message { get; init; }
    public ulong? AppPermissions { get; init; }
    public string? Locale { get; init; }
    public string? GuildLocale { get; init; }
    public int? Context { get; init; }

    /// <summary>The most bytes of files a reply to this interaction may carry (10 MiB without server boosts).</summary>
    public long? AttachmentSizeLimit { get; init; }

    /// <summary>The invoking user, in a guild or a DM.</summary>
    public User? Invoker => Member?.User ?? User;
}

/// <summary>Interaction data; which fields are present depends on <see cref="Interaction.Type"/>.</summary>
public sealed record InteractionData
{
    // Application commands and autocomplete.
    public ulong? Id { get; init; }
    public string? Name { get; init; }
    public ApplicationCommandType? Type { get; init; }
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }
    /// <summary>The users, members, roles and channels the options (or a select menu) name, by id.</summary>
    public InteractionResolvedData? Resolved { get; init; }
    public ulong? GuildId { get; init; }
    public ulong? TargetId { get; init; }

    // Components and modal submits.
    public string? CustomId { get; init; }
    public ComponentType? ComponentType { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
}

/// <summary>An option the user filled; <see cref="Value"/> xor <see cref="Options"/> (sub-commands).</summary>
public sealed record InteractionDataOption
{
    public string Name { get; init; } = "";
    public ApplicationCommandOptionType Type { get; init; }
    public JsonElement? Value { get; init; }
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }
    public bool? Focused { get; init; }
}

/// <summary>
/// Objects an interaction's options refer to, keyed by id (a decimal string). Discord resolves only what the invoking
/// member could pick in that guild; channels are partial (id, name, type, the member's permissions; threads add
/// parent_id and thread_metadata), members lack user, deaf and mute.
/// </summary>
public sealed record InteractionResolvedData
{
    public IReadOnlyDictionary<string, User>? Users { get; init; }
    public IReadOnlyDictionary<string, GuildMember>? Members { get; init; }
    public IReadOnlyDictionary<string, Role>? Roles { get; init; }
    public IReadOnlyDictionary<string, Channel>? Channels { get; init; }
}
