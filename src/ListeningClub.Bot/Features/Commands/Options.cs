using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Commands;

/// <summary>Short builders for slash-command option definitions.</summary>
public static class Options
{
    public static ApplicationCommandOption Text(string name, string description, bool required = false, int? maxLength = null, bool autocomplete = false) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = name,
        Description = description,
        Required = required,
        MaxLength = maxLength,
        Autocomplete = autocomplete ? true : null,
    };

    public static ApplicationCommandOption WholeNumber(string name, string description, bool required = false, int? min = null, int? max = null) => new()
    {
        Type = ApplicationCommandOptionType.Integer,
        Name = name,
        Description = description,
        Required = required,
        MinValue = min,
        MaxValue = max,
    };

    public static ApplicationCommandOption YesNo(string name, string description) => new()
    {
        Type = ApplicationCommandOptionType.Boolean,
        Name = name,
        Description = description,
    };

    public static ApplicationCommandOption Channel(string name, string description, bool required = false) => new()
    {
        Type = ApplicationCommandOptionType.Channel,
        Name = name,
        Description = description,
        Required = required,
        ChannelTypes = [ChannelType.GuildText, ChannelType.GuildForum],
    };

    public static ApplicationCommandOption Role(string name, string description, bool required = false) => new()
    {
        Type = ApplicationCommandOptionType.Role,
        Name = name,
        Description = description,
        Required = required,
    };

    public static ApplicationCommandOption Choice(string name, string description, bool required, params (string Name, string Value)[] choices) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = name,
        Description = description,
        Required = required,
        Choices = choices.Select(c => ApplicationCommandOptionChoice.ForString(c.Name, c.Value)).ToList(),
    };

    public static ApplicationCommandOption Subcommand(string name, string description, params ApplicationCommandOption[] options) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = name,
        Description = description,
        Options = options,
    };

    public static ApplicationCommandOption Group(string name, string description, params ApplicationCommandOption[] subcommands) => new()
    {
        Type = ApplicationCommandOptionType.SubCommandGroup,
        Name = name,
        Description = description,
        Options = subcommands,
    };

    /// <summary>The track option every member command has; autocompleted from the club's tracks.</summary>
    public static ApplicationCommandOption Track(string description = "Which track (only needed when the club has several)") =>
        Text("track", description, autocomplete: true, maxLength: 50);
}
