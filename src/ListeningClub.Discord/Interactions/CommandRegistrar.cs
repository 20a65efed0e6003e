using System.Text.Json;
using ListeningClub.Discord.Configuration;
using ListeningClub.Discord.Gateway;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Discord.Interactions;

/// <summary>
/// On READY (shard 0's, when the bot runs several), compares the commands declared by the handlers with what Discord has (the development guild when
/// <see cref="DiscordOptions.DevelopmentGuildId"/> is set, else global) and bulk-overwrites only when they differ.
/// </summary>
public sealed partial class CommandRegistrar(
    InteractionRouter router,
    IApplicationCommandsApi commands,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger) : IGatewayDispatchHandler
{
    public bool Wants(string eventName) => eventName == "READY" && options.Value.RegisterCommandsOnReady;

    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        var ready = dispatch.Data.Deserialize(DiscordJsonContext.Default.GatewayReady);
        if (ready?.Application?.Id is not { } applicationId || ready.Shard is [not 0, ..])
        {
            return; // commands are the application's, not a shard's: shard 0's READY registers them, once
        }

        await SyncAsync(applicationId, ct).ConfigureAwait(false);
    }

    /// <summary>Returns true when it had to overwrite.</summary>
    public async Task<bool> SyncAsync(ulong applicationId, CancellationToken ct)
    {
        var declared = router.Commands;
        var guildId = options.Value.DevelopmentGuildId;
        try
        {
            var existing = guildId is { } g
                ? await commands.GetGuildCommandsAsync(applicationId, g, ct).ConfigureAwait(false)
                : await commands.GetGlobalCommandsAsync(applicationId, ct).ConfigureAwait(false);
            if (CommandComparer.AreEquivalent(declared, existing))
            {
                LogUpToDate(logger, declared.Count, guildId is null ? "global" : "guild");
                return false;
            }

            IReadOnlyList<ApplicationCommand> written = guildId is { } gid
                ? await commands.BulkOverwriteGuildCommandsAsync(applicationId, gid, declared, ct).ConfigureAwait(false)
                : await commands.BulkOverwriteGlobalCommandsAsync(applicationId, declared, ct).ConfigureAwait(false);
            LogOverwritten(logger, written.Count, guildId is null ? "global" : "guild");
            return true;
        }
        catch (DiscordRestException ex)
        {
            LogFailed(logger, ex, ex.Code);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} application commands ({Scope}) already up to date")]
    private static partial void LogUpToDate(ILogger logger, int count, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} application commands ({Scope})")]
    private static partial void LogOverwritten(ILogger logger, int count, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command registration failed (Discord code {Code})")]
    private static partial void LogFailed(ILogger logger, Exception exception, int code);
}
