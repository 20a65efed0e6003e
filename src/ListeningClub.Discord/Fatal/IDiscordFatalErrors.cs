namespace ListeningClub.Discord.Fatal;

/// <summary>
/// The one place a fatal condition is raised (401 from REST, a fatal gateway close code). REST refuses further
/// requests, the gateway stops, and the host stops with the message.
/// </summary>
public interface IDiscordFatalErrors
{
    /// <summary>The first fatal error reported, or null.</summary>
    DiscordFatalError? Current { get; }

    /// <summary>Cancelled when a fatal error is reported.</summary>
    CancellationToken Stopping { get; }

    /// <summary>Reports a fatal error; only the first one is kept.</summary>
    void Report(DiscordFatalError fatalError);
}
