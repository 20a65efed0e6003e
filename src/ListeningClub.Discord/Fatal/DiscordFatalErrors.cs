using Microsoft.Extensions.Logging;

namespace ListeningClub.Discord.Fatal;

public sealed partial class DiscordFatalErrors(ILogger<DiscordFatalErrors> logger) : IDiscordFatalErrors, IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private DiscordFatalError? _error;

    public DiscordFatalError? Current => Volatile.Read(ref _error);

    public CancellationToken Stopping => _cts.Token;

    public void Report(DiscordFatalError fatalError)
    {
        ArgumentNullException.ThrowIfNull(fatalError);
        if (Interlocked.CompareExchange(ref _error, fatalError, null) is not null)
        {
            return;
        }

        LogFatal(logger, fatalError.Source, fatalError.Message);
        _cts.Cancel();
    }

    public void Dispose() => _cts.Dispose();

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord client stopped ({Source}): {Reason}")]
    private static partial void LogFatal(ILogger logger, string source, string reason);
}
