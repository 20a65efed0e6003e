using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Interactions;

/// <summary>Short builders for slash-command option definitions.</summary>
public static class CommandOptions
{
    /// <summary>The routes of a slash command used in a server (not in DMs), with its options.</summary>
    public static InteractionRoutes ServerCommand(string name, string description, bool deferEphemeral, params ApplicationCommandOption[] options) =>
        InteractionRoutes.ForCommand(new ApplicationCommand { Name = name, Description = description, Contexts = [0], Options = options }, deferEphemeral);

    /// <summary>A member of the server.</summary>
    public static ApplicationCommandOption User(string name, string description) => new()
    {
        Type = ApplicationCommandOptionType.User,
        Name = name,
        Description = description,
    };

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

/// <summary>
/// A string option's choices and what each one means, in one table: the option's definition (what Discord shows and
/// the router holds incoming values to) and the handler's reading of it come from the same rows, so a value can only
/// mean one of the declared things; there is no fallback.
/// </summary>
public sealed class Choices<T>(params (string Name, string Value, T Meaning)[] rows)
    where T : struct
{
    public ApplicationCommandOption Option(string name, string description, bool required) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = name,
        Description = description,
        Required = required,
        Choices = rows.Select(c => ApplicationCommandOptionChoice.ForString(c.Name, c.Value)).ToList(),
    };

    /// <summary>
    /// The meaning of the option's value, or null when the option was left out. A value outside the choices never
    /// reaches a handler (the router refuses it with the valid ones listed), so meeting one here is a bug.
    /// </summary>
    public T? Read(InteractionContext context, string option)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetString(option) is not { } value)
        {
            return null;
        }

        foreach (var row in rows)
        {
            if (string.Equals(row.Value, value, StringComparison.Ordinal))
            {
                return row.Meaning;
            }
        }

        throw new InvalidOperationException($"The option {option} reached its handler with a value outside its choices.");
    }
}
