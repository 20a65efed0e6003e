using System.Text.Json;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Models;

#pragma warning disable CA1008 // Discord's numbering starts at 1.
public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
    PrimaryEntryPoint = 4,
}

#pragma warning disable CA1720 // Discord's own option type names.
public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}
#pragma warning restore CA1720
#pragma warning restore CA1008

/// <summary>An application command: as declared by a handler (request) and as returned by Discord (with ids).</summary>
public sealed record ApplicationCommand
{
    public ulong? Id { get; init; }
    public ulong? ApplicationId { get; init; }
    public ulong? GuildId { get; init; }
    public ulong? Version { get; init; }
    public ApplicationCommandType? Type { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>Permission bit set; null = everyone, 0 = admins only. A hint servers can override: check at run time.</summary>
    public ulong? DefaultMemberPermissions { get; init; }

    /// <summary>0 GUILD, 1 BOT_DM, 2 PRIVATE_CHANNEL (global commands only).</summary>
    public IReadOnlyList<int>? Contexts { get; init; }
    public IReadOnlyList<int>? IntegrationTypes { get; init; }
    public bool? Nsfw { get; init; }
}

public sealed record ApplicationCommandOption
{
    public ApplicationCommandOptionType Type { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
    public bool? Required { get; init; }
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public bool? Autocomplete { get; init; }
}

/// <summary>A choice (in a definition or an autocomplete result): name ≤ 100, value a string ≤ 100 or a number.</summary>
public sealed record ApplicationCommandOptionChoice
{
    public string Name { get; init; } = "";
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }
    public JsonElement Value { get; init; }

    public static ApplicationCommandOptionChoice ForString(string name, string value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String) };

    public static ApplicationCommandOptionChoice ForInteger(string name, long value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64) };

    public static ApplicationCommandOptionChoice ForNumber(string name, double value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Double) };
}
