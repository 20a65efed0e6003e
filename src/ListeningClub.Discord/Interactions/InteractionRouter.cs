using ListeningClub.Discord.Configuration;
using ListeningClub.Discord.Diagnostics;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Safety;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Discord.Interactions;

/// <summary>
/// Routes each interaction to exactly one handler: commands (and their autocomplete) by top-level name,
/// components and modals by custom_id prefix. Handles an interaction id once, defers on the handler's behalf when
/// it has not answered after <see cref="DiscordOptions.AutoDeferAfter"/> (measured from receipt), refuses a command
/// whose options do not fit the handler's registered definition before the handler runs (<see cref="CommandOptionCheck"/>:
/// an ephemeral "⚠️ …" saying what to fix, nothing else happens), and turns a handler exception into an ephemeral
/// "Something went wrong (error id …)" with the id logged; a handler stopped by the Cloudflare breaker (an expected
/// failure) is told so instead, in one log line.
/// </summary>
public sealed partial class InteractionRouter
{
    /// <summary>What a member is told when a request the handler needed met the Cloudflare breaker.</summary>
    public const string RefusedByDiscord = "Discord is refusing the bot's requests for now (rate limited), so this could not be finished. Try again in a few minutes.";

    private readonly Dictionary<string, InteractionHandlerRegistration> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InteractionHandlerRegistration> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InteractionHandlerRegistration> _modals = new(StringComparer.Ordinal);
    private readonly RecentInteractionIds _seen = new();
    private readonly IInteractionsApi _api;
    private readonly CommandOptionCheck _optionCheck;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionRouter> _logger;
    private readonly DiscordMetrics _metrics;
    private readonly TimeSpan _autoDeferAfter;

    public InteractionRouter(
        IEnumerable<InteractionHandlerRegistration> registrations,
        IInteractionsApi api,
        CommandOptionCheck optionCheck,
        TimeProvider time,
        IOptions<DiscordOptions> options,
        DiscordMetrics metrics,
        ILogger<InteractionRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _optionCheck = optionCheck;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _autoDeferAfter = options.Value.AutoDeferAfter;
        foreach (var registration in registrations)
        {
            if (registration.Routes.Command is { } command)
            {
                Add(_commands, command.Name, registration, "command");
            }

            foreach (var prefix in registration.Routes.ComponentPrefixes)
            {
                Add(_components, prefix, registration, "component prefix");
            }

            foreach (var prefix in registration.Routes.ModalPrefixes)
            {
                Add(_modals, prefix, registration, "modal prefix");
            }
        }
    }

    /// <summary>The command definitions declared by the registered handlers.</summary>
    public IReadOnlyList<ApplicationCommand> Commands => _commands.Values.Select(r => r.Routes.Command!).ToArray();

    private static void Add(Dictionary<string, InteractionHandlerRegistration> table, string key, InteractionHandlerRegistration registration, string what)
    {
        if (key.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{registration.HandlerType.Name}: the {what} '{key}' must not contain ':' (custom_ids are routed by the part before the first ':').");
        }

        if (!table.TryAdd(key, registration))
        {
            throw new InvalidOperationException($"Two handlers claim the {what} '{key}': {table[key].HandlerType.Name} and {registration.HandlerType.Name}.");
        }
    }

    /// <summary>The handler registration for an interaction, or null when none matches.</summary>
    public InteractionHandlerRegistration? Find(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var data = interaction.Data;
        return interaction.Type switch
        {
            InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete when data?.Name is { } name => _commands.GetValueOrDefault(name),
            InteractionType.MessageComponent when data?.CustomId is { } id => _components.GetValueOrDefault(InteractionRoutes.PrefixOf(id)),
            InteractionType.ModalSubmit when data?.CustomId is { } id => _modals.GetValueOrDefault(InteractionRoutes.PrefixOf(id)),
            _ => null,
        };
    }

    /// <summary>Handles one received interaction with handlers resolved from <paramref name="services"/> (the dispatch's scope).</summary>
    public async Task HandleAsync(Interaction interaction, long receivedAt, IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(services);
        if (!_seen.TryAdd(interaction.Id))
        {
            LogDuplicate(_logger, interaction.Id);
            return;
        }

        if (interaction.Type == InteractionType.Ping)
        {
            await _api.CreateResponseAsync(interaction.Id, interaction.Token, new InteractionResponse { Type = InteractionCallbackType.Pong }, ct).ConfigureAwait(false);
            return;
        }

        // Every log line written while this interaction is handled (router, handlers, storage) carries its ids.
        using var logScope = _logger.BeginScope("Interaction {InteractionId} in guild {GuildId}", interaction.Id, interaction.GuildId ?? 0);
        using var context = new InteractionContext(interaction, receivedAt, _api, _time, _logger);
        var registration = Find(interaction);
        if (registration is null)
        {
            LogNoHandler(_logger, interaction.Id, interaction.Type, DiscordText.Truncate(DiscordText.WithoutControls(interaction.Data?.Name ?? InteractionRoutes.PrefixOf(interaction.Data?.CustomId ?? "")), 100));
            await context.ReplyAsync(InteractionReply.Text("This action is not available any more.", ephemeral: true), ct).ConfigureAwait(false);
            _metrics.InteractionHandled(interaction.Type, InteractionOutcome.NoHandler, context.Elapsed);
            return;
        }

        context.DeferEphemeral = registration.Routes.DeferEphemeral;
        var handler = (IInteractionHandler)services.GetRequiredService(registration.HandlerType);
        var autocomplete = interaction.Type == InteractionType.ApplicationCommandAutocomplete;
        var autoDefer = autocomplete ? null : new AutoDeferTimer(context, _time, _autoDeferAfter - context.Elapsed, ct);
        InteractionOutcome outcome;
        try
        {
            // Run inline (no hop to another thread): the auto-defer timer fires on its own, even while a handler
            // blocks synchronously.
            outcome = await RunHandlerAsync(handler, context, autocomplete, registration.Routes.Command, ct).ConfigureAwait(false);
        }
        finally
        {
            if (autoDefer is not null)
            {
                await autoDefer.StopAsync().ConfigureAwait(false);
            }
        }

        if (interaction.Type == InteractionType.MessageComponent && context.State == InteractionResponseState.None)
        {
            // A component handler that sent nothing: acknowledge quietly so the user does not see "interaction failed".
            await context.DeferAsync(ephemeral: false, ct).ConfigureAwait(false);
        }

        _metrics.InteractionHandled(interaction.Type, outcome, context.Elapsed);
    }

    private async Task<InteractionOutcome> RunHandlerAsync(IInteractionHandler handler, InteractionContext context, bool autocomplete, ApplicationCommand? definition, CancellationToken ct)
    {
        try
        {
            if (autocomplete)
            {
                await handler.AutocompleteAsync(context, ct).ConfigureAwait(false);
            }
            else if (context.Type == InteractionType.ApplicationCommand && definition is not null
                && await _optionCheck.RefusalAsync(context, definition, ct).ConfigureAwait(false) is { } refusal)
            {
                LogOptionsRefused(_logger, context.Interaction.Id, DiscordText.WithoutControls(refusal));
                await context.ReplyAsync(new InteractionReply { Content = "⚠️ " + refusal + " Nothing was changed.", Ephemeral = true, AllowedMentions = AllowedMentions.None }, ct).ConfigureAwait(false);
                return InteractionOutcome.InvalidOptions;
            }
            else
            {
                await handler.HandleAsync(context, ct).ConfigureAwait(false);
            }

            return InteractionOutcome.Handled;
        }
        catch (DiscordRestException ex) when (ex.Failure == DiscordRestFailure.CircuitOpen)
        {
            LogRefusedByDiscord(_logger, handler.GetType().Name, context.Interaction.Id, ex.RouteKey);
            if (!autocomplete)
            {
                await ReportAsync(context, InteractionReply.Text(RefusedByDiscord, ephemeral: true), "refused by Discord", ct).ConfigureAwait(false);
            }

            return InteractionOutcome.RefusedByDiscord;
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordJsonErrorCodes.UnknownInteraction)
        {
            // Discord forgot the interaction: the first answer came after its deadline. Its token is dead, so there is
            // no one to tell; the member saw "The application did not respond".
            LogAnsweredTooLate(_logger, handler.GetType().Name, context.Interaction.Id, (long)context.Elapsed.TotalMilliseconds);
            return InteractionOutcome.TooLate;
        }
#pragma warning disable CA1031 // Any handler failure becomes a user-facing error with an id; it must not escape.
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var errorId = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()));
            LogHandlerFailed(_logger, ex, errorId, handler.GetType().Name, context.Interaction.Id);
            if (!autocomplete)
            {
                await ReportAsync(context, InteractionReply.Text($"Something went wrong (error id {errorId}).", ephemeral: true), errorId, ct).ConfigureAwait(false);
            }

            return InteractionOutcome.Failed;
        }
    }

    private async Task ReportAsync(InteractionContext context, InteractionReply reply, string what, CancellationToken ct)
    {
        try
        {
            await context.ReplyAsync(reply, ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Reporting the failure must not throw either; it is logged.
        catch (Exception reportEx)
#pragma warning restore CA1031
        {
            LogErrorReplyFailed(_logger, reportEx, what);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interaction {InteractionId} already handled; duplicate delivery ignored")]
    private static partial void LogDuplicate(ILogger logger, ulong interactionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interaction {InteractionId}: options refused before the handler: {Refusal}")]
    private static partial void LogOptionsRefused(ILogger logger, ulong interactionId, string refusal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No handler for interaction {InteractionId} ({Type} '{Route}')")]
    private static partial void LogNoHandler(ILogger logger, ulong interactionId, InteractionType type, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Handler} answered interaction {InteractionId} too late: Discord no longer knew it ({ElapsedMs} ms after it arrived)")]
    private static partial void LogAnsweredTooLate(ILogger logger, string handler, ulong interactionId, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction handler failed, error id {ErrorId} ({Handler}, interaction {InteractionId})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string errorId, string handler, ulong interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Handler} could not finish interaction {InteractionId}: {Route} is refused while the Cloudflare breaker is open")]
    private static partial void LogRefusedByDiscord(ILogger logger, string handler, ulong interactionId, string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not tell the user about error {ErrorId}")]
    private static partial void LogErrorReplyFailed(ILogger logger, Exception exception, string errorId);
}
