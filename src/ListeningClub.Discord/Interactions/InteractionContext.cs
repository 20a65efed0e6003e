// Long on purpose: the one object a handler talks to (reply, defer, update, follow-up, modal, autocomplete, options), keeping Discord's answer-once rules in one place.
using System.Text.Json;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Discord.Interactions;

/// <summary>
/// One interaction as a handler sees it: the parsed command path and options (or custom_id and values, or modal
/// fields) and the ways to answer. It knows whether it has answered: a reply after a defer becomes an edit of
/// the original, a reply after a reply becomes a follow-up, and nothing is sent once the 3-second deadline has
/// passed unanswered.
/// </summary>
public sealed partial class InteractionContext : IDisposable
{
    /// <summary>Discord invalidates the token if the first response comes later than this after receipt.</summary>
    public static readonly TimeSpan ResponseDeadline = TimeSpan.FromSeconds(3);

    private readonly IInteractionsApi _api;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<ulong, Channel> _lookedUp = [];
    private volatile int _state;

    internal InteractionContext(Interaction interaction, long receivedAt, IInteractionsApi api, TimeProvider time, ILogger logger)
    {
        Interaction = interaction;
        ReceivedAt = receivedAt;
        _api = api;
        _time = time;
        _logger = logger;
        (CommandPath, Options) = ParseCommand(interaction.Data);
    }

    public Interaction Interaction { get; }

    /// <summary>When the interaction was received (TimeProvider timestamp, monotonic).</summary>
    public long ReceivedAt { get; }

    public InteractionType Type => Interaction.Type;

    /// <summary>The invoking user (member's user in a guild).</summary>
    public User? User => Interaction.Invoker;

    /// <summary>Command name then subcommand group/subcommand, e.g. ["club", "nominate"]. Empty for components and modals.</summary>
    public IReadOnlyList<string> CommandPath { get; }

    /// <summary>The options of the invoked (sub)command.</summary>
    public IReadOnlyList<InteractionDataOption> Options { get; }

    public string? CustomId => Interaction.Data?.CustomId;

    /// <summary>Selected values of a select menu.</summary>
    public IReadOnlyList<string> Values => Interaction.Data?.Values ?? [];

    /// <summary>The option being typed (autocomplete).</summary>
    public InteractionDataOption? FocusedOption => Options.FirstOrDefault(o => o.Focused == true);

    public InteractionResponseState State => (InteractionResponseState)_state switch
    {
        InteractionResponseState.None when Elapsed >= ResponseDeadline => InteractionResponseState.Expired,
        var s => s,
    };

    /// <summary>Whether an initial response (or defer) was sent.</summary>
    public bool HasResponded => (InteractionResponseState)_state is InteractionResponseState.Deferred or InteractionResponseState.Responded;

    public TimeSpan Elapsed => _time.GetElapsedTime(ReceivedAt);

    internal bool DeferEphemeral { get; set; }

    public string? GetString(string name) => Find(name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public long? GetInteger(string name) => Find(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var l) ? l : null;

    public double? GetNumber(string name) => Find(name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    public bool? GetBoolean(string name) => Find(name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    /// <summary>A user/channel/role/mentionable option's id.</summary>
    public ulong? GetId(string name) => Find(name) is { ValueKind: JsonValueKind.String } v && ulong.TryParse(v.GetString(), out var id) ? id : null;

    /// <summary>A modal text input's value (or a modal select's first value) by custom_id.</summary>
    public string? GetModalValue(string customId)
    {
        var component = Interaction.Data?.Components?.SelectMany(c => c.Flatten()).FirstOrDefault(c => c.CustomId == customId);
        return component?.Value ?? (component?.Values is [var first, ..] ? first : null);
    }

    /// <summary>
    /// A channel option's channel: as Discord resolved it (partial: id, name, type, the member's permissions), or as the
    /// option check read it with GET /channels/{id} when Discord had not resolved it. Null when the option is absent.
    /// </summary>
    public Channel? GetChannel(string name) => GetId(name) is { } id ? LookedUpChannel(id) ?? ResolvedChannel(id) : null;

    /// <summary>The channel with <paramref name="id"/> in the interaction's resolved data.</summary>
    public Channel? ResolvedChannel(ulong id) =>
        Interaction.Data?.Resolved?.Channels?.GetValueOrDefault(id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A full channel object read while handling this interaction (GET /channels/{id}), if any.</summary>
    internal Channel? LookedUpChannel(ulong id) => _lookedUp.GetValueOrDefault(id);

    internal void RememberChannel(Channel channel) => _lookedUp[channel.Id] = channel;

    private JsonElement? Find(string name) => Options.FirstOrDefault(o => o.Name == name)?.Value;

    /// <summary>Replies with a message; after a defer this edits the original, after a reply it sends a follow-up.</summary>
    public async Task ReplyAsync(InteractionReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (reply.Files.Count > 0 && State == InteractionResponseState.None)
            {
                // Files go up with a webhook call: acknowledge first, then put the reply (and its files) on the original.
                await DeferCoreAsync(reply.Ephemeral, ct).ConfigureAwait(false);
            }

            switch (State)
            {
                case InteractionResponseState.None:
                    await CallbackAsync(new InteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource, Data = reply.ToCallbackData() }, InteractionResponseState.Responded, ct).ConfigureAwait(false);
                    return;
                case InteractionResponseState.Deferred:
                    await _api.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, reply.ToWebhookEdit(), reply.Files, ct).ConfigureAwait(false);
                    _state = (int)InteractionResponseState.Responded;
                    return;
                case InteractionResponseState.Responded:
                    await _api.CreateFollowUpAsync(Interaction.ApplicationId, Interaction.Token, reply.ToWebhookMessage(), reply.Files, ct).ConfigureAwait(false);
                    return;
                default:
                    LogTooLate(_logger, Interaction.Id, Elapsed);
                    return;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Acknowledges now and answers later (commands show "thinking…"; components show nothing). No-op once answered.</summary>
    public async Task DeferAsync(bool ephemeral, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await DeferCoreAsync(ephemeral, ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    internal async Task AutoDeferAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (State == InteractionResponseState.None)
            {
                LogAutoDefer(_logger, Interaction.Id, Elapsed);
                await DeferCoreAsync(DeferEphemeral, ct).ConfigureAwait(false);
            }
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordJsonErrorCodes.UnknownInteraction)
        {
            // The defer itself came after Discord's deadline (a starved process): the token is dead, nothing more can
            // be sent for this interaction, and it is one warning line, not a failure with a stack trace.
            _state = (int)InteractionResponseState.Expired;
            LogTooLate(_logger, Interaction.Id, Elapsed);
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task DeferCoreAsync(bool ephemeral, CancellationToken ct)
    {
        if (State != InteractionResponseState.None)
        {
            return Task.CompletedTask;
        }

        var response = Interaction.Type == InteractionType.MessageComponent
            ? new InteractionResponse { Type = InteractionCallbackType.DeferredUpdateMessage }
            : new InteractionResponse
            {
                Type = InteractionCallbackType.DeferredChannelMessageWithSource,
                Data = ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null,
            };
        return CallbackAsync(response, InteractionResponseState.Deferred, ct);
    }

    /// <summary>Components: edits the message the component is on (type 7, or an edit of @original after a defer).</summary>
    public async Task UpdateAsync(InteractionReply message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            switch (State)
            {
                case InteractionResponseState.None:
                    await CallbackAsync(new InteractionResponse { Type = InteractionCallbackType.UpdateMessage, Data = message.ToCallbackData() with { Flags = null } }, InteractionResponseState.Responded, ct).ConfigureAwait(false);
                    return;
                case InteractionResponseState.Deferred or InteractionResponseState.Responded:
                    await _api.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, message.ToWebhookEdit(), ct).ConfigureAwait(false);
                    _state = (int)InteractionResponseState.Responded;
                    return;
                default:
                    LogTooLate(_logger, Interaction.Id, Elapsed);
                    return;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Opens a modal. Only possible as the first response (not after a defer); returns false when too late.</summary>
    public async Task<bool> OpenModalAsync(InteractionModal modal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(modal);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var state = State;
            if (state is InteractionResponseState.Deferred or InteractionResponseState.Responded)
            {
                throw new InvalidOperationException("A modal must be the first response to an interaction; open it before deferring or replying.");
            }

            if (state == InteractionResponseState.Expired)
            {
                LogTooLate(_logger, Interaction.Id, Elapsed);
                return false;
            }

            await CallbackAsync(
                new InteractionResponse
                {
                    Type = InteractionCallbackType.Modal,
                    Data = new InteractionCallbackData { CustomId = modal.CustomId, Title = modal.Title, Components = modal.Components },
                },
                InteractionResponseState.Responded,
                ct).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Answers an autocomplete with up to 25 choices (ignored when too late).</summary>
    public async Task AutocompleteAsync(IReadOnlyList<ApplicationCommandOptionChoice> choices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(choices);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (State != InteractionResponseState.None)
            {
                return;
            }

            await CallbackAsync(
                new InteractionResponse { Type = InteractionCallbackType.ApplicationCommandAutocompleteResult, Data = new InteractionCallbackData { Choices = choices } },
                InteractionResponseState.Responded,
                ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends a follow-up message (defers first if nothing was sent yet). Returns the message.</summary>
    public async Task<Message?> FollowUpAsync(InteractionReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (State == InteractionResponseState.None)
        {
            await DeferAsync(reply.Ephemeral, ct).ConfigureAwait(false);
        }

        if (!HasResponded)
        {
            LogTooLate(_logger, Interaction.Id, Elapsed);
            return null;
        }

        return await _api.CreateFollowUpAsync(Interaction.ApplicationId, Interaction.Token, reply.ToWebhookMessage(), ct).ConfigureAwait(false);
    }

    /// <summary>Edits the original response (valid for 15 minutes after the interaction).</summary>
    public Task<Message> EditOriginalAsync(InteractionReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return _api.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, reply.ToWebhookEdit(), ct);
    }

    public void Dispose() => _gate.Dispose();

    private async Task CallbackAsync(InteractionResponse response, InteractionResponseState next, CancellationToken ct)
    {
        await _api.CreateResponseAsync(Interaction.Id, Interaction.Token, response, ct).ConfigureAwait(false);
        _state = (int)next;
    }

    private static (IReadOnlyList<string> Path, IReadOnlyList<InteractionDataOption> Options) ParseCommand(InteractionData? data)
    {
        if (data?.Name is not { } name)
        {
            return ([], []);
        }

        var path = new List<string> { name };
        var options = data.Options ?? [];
        while (options is [{ Type: ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup } sub])
        {
            path.Add(sub.Name);
            options = sub.Options ?? [];
        }

        return (path, options);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId} not answered within the deadline ({Elapsed}); no response sent")]
    private static partial void LogTooLate(ILogger logger, ulong interactionId, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId}: handler slow ({Elapsed}), deferred on its behalf")]
    private static partial void LogAutoDefer(ILogger logger, ulong interactionId, TimeSpan elapsed);
}
