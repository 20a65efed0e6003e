using System.Globalization;
using System.Net;
using System.Text.Json;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Safety;

namespace ListeningClub.Discord.Interactions;

/// <summary>
/// Holds a command's incoming options to the definition the handler registered, before the handler runs. Discord
/// checks these in its client, but a handler must not rely on that: every option must be declared, of its declared
/// type, present when required, one of its choices when it has some, within its min/max value and length, and a
/// channel option must name a channel of this server of a declared channel type. Channels Discord resolved are checked
/// from the interaction's resolved data; ids it did not resolve are looked up (GET /channels/{id}: unknown, not
/// visible to the bot, or in another server are each refused), and the channel read is kept on the context. A role
/// option must name one of this server's roles (resolved, or found among the guild's roles).
/// </summary>
public sealed class CommandOptionCheck(IChannelsApi channels, IGuildsApi guilds)
{
    private const int EchoLength = 60;

    /// <summary>Why the options do not fit the definition (one sentence a member can act on), or null when they do.</summary>
    public async Task<string?> RefusalAsync(InteractionContext context, ApplicationCommand definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(definition);
        var command = "/" + string.Join(' ', context.CommandPath);
        var declared = definition.Options ?? [];
        foreach (var name in context.CommandPath.Skip(1))
        {
            var next = declared.FirstOrDefault(o => o.Name == name && o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup);
            if (next is null)
            {
                return $"{command} is not a command I have any more. Type / to see the commands.";
            }

            declared = next.Options ?? [];
        }

        if (declared.Any(o => o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup))
        {
            return $"Choose one of {command}'s subcommands: {string.Join(", ", declared.Select(o => o.Name))}.";
        }

        var given = context.Options;
        foreach (var option in given)
        {
            var declaration = declared.FirstOrDefault(o => o.Name == option.Name);
            if (declaration is null)
            {
                return $"{command} has no option called {Echo(option.Name)}. Its options: {Names(declared)}.";
            }

            if (given.Count(o => o.Name == option.Name) > 1)
            {
                return $"The option {option.Name} was given twice.";
            }

            var refusal = CheckValue(declaration, option) ?? await CheckEntityAsync(context, declaration, option, ct).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return declared.FirstOrDefault(o => o.Required == true && given.All(g => g.Name != o.Name)) is { } missing
            ? $"{command} needs the option {missing.Name} ({missing.Description})."
            : null;
    }

    private static string? CheckValue(ApplicationCommandOption declaration, InteractionDataOption option)
    {
        var name = declaration.Name;
        if (option.Type != declaration.Type || option.Value is not { } value || !HasKind(declaration.Type, value))
        {
            return $"The option {name} must be {TypeName(declaration.Type)}.";
        }

        if (declaration.Choices is { Count: > 0 } choices && !choices.Any(c => SameValue(c.Value, value)))
        {
            var listed = string.Join(", ", choices.Select(c => $"{c.Name} ({Shown(c.Value)})"));
            return $"{Echo(Shown(value))} is not a choice for {name}. Choose one of: {listed}.";
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            var number = value.GetDouble();
            if (number < declaration.MinValue || number > declaration.MaxValue)
            {
                return $"The option {name} must be {Range(declaration.MinValue, declaration.MaxValue)}; {Shown(value)} is outside that.";
            }
        }

        if (declaration.Type == ApplicationCommandOptionType.String)
        {
            var length = new StringInfo(value.GetString()!).LengthInTextElements;
            if (length > declaration.MaxLength)
            {
                return $"The option {name} is {length} characters long; the limit is {declaration.MaxLength}. Shorten it by {length - declaration.MaxLength}.";
            }

            if (length < declaration.MinLength)
            {
                return $"The option {name} must be {Range(declaration.MinLength, declaration.MaxLength)} characters long; it is {length}.";
            }
        }

        return null;
    }

    private async Task<string?> CheckEntityAsync(InteractionContext context, ApplicationCommandOption declaration, InteractionDataOption option, CancellationToken ct)
    {
        if (declaration.Type is not (ApplicationCommandOptionType.Channel or ApplicationCommandOptionType.Role))
        {
            return null;
        }

        var text = option.Value!.Value.GetString();
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id == 0)
        {
            return $"The option {declaration.Name} must be {TypeName(declaration.Type)}; {Echo(text)} is not one.";
        }

        return declaration.Type == ApplicationCommandOptionType.Channel
            ? await CheckChannelAsync(context, declaration, id, ct).ConfigureAwait(false)
            : await CheckRoleAsync(context, declaration, id, ct).ConfigureAwait(false);
    }

    private async Task<string?> CheckChannelAsync(InteractionContext context, ApplicationCommandOption declaration, ulong id, CancellationToken ct)
    {
        var channel = context.ResolvedChannel(id);
        if (channel is null)
        {
            if (context.Interaction.GuildId is null)
            {
                return $"Choose the channel for {declaration.Name} from the list Discord shows.";
            }

            try
            {
                channel = await channels.GetChannelAsync(id, ct).ConfigureAwait(false);
            }
            catch (DiscordRestException ex) when (ex.Code == DiscordJsonErrorCodes.UnknownChannel || ex.StatusCode == HttpStatusCode.NotFound)
            {
                return $"There is no channel with the id {id}. Choose a channel of this server for {declaration.Name}.";
            }
            catch (DiscordRestException ex) when (ex.Code == DiscordJsonErrorCodes.MissingAccess || ex.StatusCode == HttpStatusCode.Forbidden)
            {
                return $"I can't see the channel <#{id}>: give me the View Channel permission there (or choose another channel for {declaration.Name}).";
            }

            if (channel.GuildId != context.Interaction.GuildId)
            {
                return $"The channel for {declaration.Name} must be one of this server's channels; <#{id}> is not.";
            }

            context.RememberChannel(channel);
        }

        if (declaration.ChannelTypes is { Count: > 0 } types && !types.Contains(channel.Type))
        {
            return $"<#{id}> is {ChannelTypeName(channel.Type)}; {declaration.Name} must be {string.Join(" or ", types.Select(ChannelTypeName))}.";
        }

        return null;
    }

    private async Task<string?> CheckRoleAsync(InteractionContext context, ApplicationCommandOption declaration, ulong id, CancellationToken ct)
    {
        if (context.Interaction.Data?.Resolved?.Roles?.ContainsKey(Id(id)) == true)
        {
            return null;
        }

        if (context.Interaction.GuildId is { } guildId && (await guilds.GetGuildAsync(guildId, ct).ConfigureAwait(false)).Roles?.Any(r => r.Id == id) == true)
        {
            return null;
        }

        return $"The role for {declaration.Name} must be one of this server's roles; {id} is not.";
    }

    private static bool HasKind(ApplicationCommandOptionType type, JsonElement value) => type switch
    {
        ApplicationCommandOptionType.String or ApplicationCommandOptionType.User or ApplicationCommandOptionType.Channel
            or ApplicationCommandOptionType.Role or ApplicationCommandOptionType.Mentionable or ApplicationCommandOptionType.Attachment => value.ValueKind == JsonValueKind.String,
        ApplicationCommandOptionType.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        ApplicationCommandOptionType.Number => value.ValueKind == JsonValueKind.Number,
        ApplicationCommandOptionType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => false,
    };

    private static bool SameValue(JsonElement choice, JsonElement value) =>
        choice.ValueKind == value.ValueKind && (choice.ValueKind == JsonValueKind.String
            ? string.Equals(choice.GetString(), value.GetString(), StringComparison.Ordinal)
            : choice.ValueKind == JsonValueKind.Number && choice.GetDouble().Equals(value.GetDouble()));

    private static string TypeName(ApplicationCommandOptionType type) => type switch
    {
        ApplicationCommandOptionType.String => "text",
        ApplicationCommandOptionType.Integer => "a whole number",
        ApplicationCommandOptionType.Number => "a number",
        ApplicationCommandOptionType.Boolean => "True or False",
        ApplicationCommandOptionType.User => "a member",
        ApplicationCommandOptionType.Channel => "a channel",
        ApplicationCommandOptionType.Role => "a role",
        ApplicationCommandOptionType.Mentionable => "a member or a role",
        ApplicationCommandOptionType.Attachment => "a file",
        _ => type.ToString(),
    };

    private static string ChannelTypeName(ChannelType type) => type switch
    {
        ChannelType.GuildText => "a text channel",
        ChannelType.GuildVoice => "a voice channel",
        ChannelType.GuildCategory => "a category",
        ChannelType.GuildAnnouncement => "an announcement channel",
        ChannelType.AnnouncementThread or ChannelType.PublicThread or ChannelType.PrivateThread => "a thread",
        ChannelType.GuildStageVoice => "a stage channel",
        ChannelType.GuildForum => "a forum channel",
        ChannelType.GuildMedia => "a media channel",
        _ => "a channel of another kind",
    };

    private static string Range(double? min, double? max) => (min, max) switch
    {
        ({ } lo, { } hi) => FormattableString.Invariant($"between {lo} and {hi}"),
        ({ } lo, null) => FormattableString.Invariant($"at least {lo}"),
        (null, { } hi) => FormattableString.Invariant($"at most {hi}"),
        _ => "valid",
    };

    private static string Names(IReadOnlyList<ApplicationCommandOption> declared) =>
        declared.Count == 0 ? "none" : string.Join(", ", declared.Select(o => o.Name));

    private static string Shown(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>What the member sent, quoted the way it is safe to show: no control characters, no markdown or mentions, short.</summary>
    private static string Echo(string? text) => $"\"{DiscordText.Escape(DiscordText.Truncate(DiscordText.WithoutControls(text), EchoLength))}\"";

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
