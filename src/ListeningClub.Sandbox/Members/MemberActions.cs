using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;

namespace ListeningClub.Sandbox.Members;

/// <summary>What came of a member's action: a modal the bot opened for them, or a problem to show them; the text of the bot's answer.</summary>
public sealed record ActionOutcome(JsonObject? Modal = null, string? Problem = null, string Reply = "");

/// <summary>An autocomplete suggestion: what the member reads, and the value sent when they choose it.</summary>
public sealed record Suggestion(string Name, string Value);

/// <summary>
/// What a member's Discord client does, through the emulator: slash commands, autocomplete, buttons and select menus,
/// modal submits and poll votes, each delivered as the interaction (or gateway event) Discord would send the bot.
/// </summary>
public sealed class MemberActions(EmulatorControl control, string guildId)
{
    /// <summary>How long a member waits for the bot's answer before the page says it has none yet (Discord's own limit is 3 s to acknowledge).</summary>
    public static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan SuggestionWait = TimeSpan.FromSeconds(5);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string MessageId, string UserId), IReadOnlyList<int>> _pollAnswers = new();
    private CommandCatalogue? _catalogue;

    public string GuildId => guildId;

    /// <summary>The bot's registered commands (read once; read again when a member names one it does not hold).</summary>
    public async Task<CommandCatalogue> CatalogueAsync(bool reload = false, CancellationToken ct = default)
    {
        if (_catalogue is null || reload)
        {
            _catalogue = CommandCatalogue.From(await control.CommandsAsync(guildId, ct).ConfigureAwait(false));
        }

        return _catalogue;
    }

    public async Task<ActionOutcome> CommandAsync(string userId, string channelId, string path, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        if (await FindAsync(path, ct).ConfigureAwait(false) is not { } command)
        {
            return new ActionOutcome(Problem: $"/{path} is not one of the bot's commands.");
        }

        var (data, problem) = CommandCatalogue.Data(command, values);
        if (data is null)
        {
            return new ActionOutcome(Problem: problem);
        }

        var sent = await control.SendInteractionAsync(new InteractionSpec(channelId, userId, 2, data, guildId), ct).ConfigureAwait(false);
        return await OutcomeAsync(sent.Id, ct).ConfigureAwait(false);
    }

    /// <summary>The bot's suggestions for the option <paramref name="focused"/> while the member types (an autocomplete interaction).</summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string userId, string channelId, string path, IReadOnlyDictionary<string, string> values, string focused, CancellationToken ct)
    {
        if (await FindAsync(path, ct).ConfigureAwait(false) is not { } command || CommandCatalogue.Data(command, values, focused).Data is not { } data)
        {
            return [];
        }

        var sent = await control.SendInteractionAsync(new InteractionSpec(channelId, userId, 4, data, guildId), ct).ConfigureAwait(false);
        try
        {
            var answered = await control.WaitUntilAnsweredAsync(sent.Id, SuggestionWait, ct).ConfigureAwait(false);
            var choices = answered.Callbacks.Count > 0 ? answered.Callbacks[0]["data"]?["choices"] as JsonArray : null;
            return (choices ?? [])
                .OfType<JsonObject>()
                .Select(c => new Suggestion(c["name"]?.GetValue<string>() ?? "", c["value"]?.ToString() ?? ""))
                .ToList();
        }
        catch (TimeoutException)
        {
            return [];
        }
    }

    /// <summary>A button press (no values) or a select menu's choice on a message.</summary>
    public async Task<ActionOutcome> ComponentAsync(string userId, string channelId, string messageId, string customId, int componentType, IReadOnlyList<string>? values, CancellationToken ct)
    {
        var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = componentType };
        if (values is not null)
        {
            data["values"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
        }

        var sent = await control.SendInteractionAsync(new InteractionSpec(channelId, userId, 3, data, guildId, messageId), ct).ConfigureAwait(false);
        return await OutcomeAsync(sent.Id, ct).ConfigureAwait(false);
    }

    /// <summary>A modal's Submit: each text input's value, inside the label it was shown with.</summary>
    public async Task<ActionOutcome> SubmitModalAsync(string userId, string channelId, string? messageId, string customId, IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var components = new JsonArray(fields
            .Select(f => (JsonNode)new JsonObject
            {
                ["type"] = 18,
                ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = f.Key, ["value"] = f.Value },
            })
            .ToArray());
        var data = new JsonObject { ["custom_id"] = customId, ["components"] = components };
        var sent = await control.SendInteractionAsync(new InteractionSpec(channelId, userId, 5, data, guildId, messageId), ct).ConfigureAwait(false);
        return await OutcomeAsync(sent.Id, ct).ConfigureAwait(false);
    }

    /// <summary>The member's answers on a poll (all of them: an empty list takes their vote back).</summary>
    public async Task VoteAsync(string userId, string channelId, string messageId, IReadOnlyList<int> answerIds, CancellationToken ct)
    {
        await control.VoteAsync(new PollVote(channelId, messageId, userId, answerIds), ct).ConfigureAwait(false);
        _pollAnswers[(messageId, userId)] = answerIds;
    }

    /// <summary>The answers <paramref name="userId"/> holds on each poll (by message id), as their client remembers them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> PollAnswersOf(string userId) =>
        _pollAnswers.Where(p => p.Key.UserId == userId).ToDictionary(p => p.Key.MessageId, p => p.Value, StringComparer.Ordinal);

    private async Task<CommandPath?> FindAsync(string path, CancellationToken ct) =>
        (await CatalogueAsync(ct: ct).ConfigureAwait(false)).Find(path) ?? (await CatalogueAsync(reload: true, ct).ConfigureAwait(false)).Find(path);

    private async Task<ActionOutcome> OutcomeAsync(string interactionId, CancellationToken ct)
    {
        try
        {
            var answered = await control.WaitUntilAnsweredAsync(interactionId, AnswerWait, ct).ConfigureAwait(false);
            return answered.ResponseType == 9 && answered.Callbacks.Count > 0 && answered.Callbacks[0]["data"] is JsonObject modal
                ? new ActionOutcome(Modal: modal)
                : new ActionOutcome(Reply: answered.Callbacks.Count > 0 ? Slash.Content(answered) : "");
        }
        catch (TimeoutException)
        {
            return new ActionOutcome(Problem: "The bot has not answered yet.");
        }
    }
}
