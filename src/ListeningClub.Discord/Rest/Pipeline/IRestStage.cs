namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>
/// One stage of the REST send path. Each stage does one thing around the next stage (wait its turn, retry, classify,
/// …) and returns the attempt the call ended with; the innermost stage sends the HTTP request. The order is set in
/// <see cref="DiscordRestClient"/>'s constructor.
/// </summary>
internal interface IRestStage
{
    ValueTask<RestAttempt> SendAsync(RestCall call, CancellationToken ct);
}
