using ListeningClub.Discord.Fatal;
using ListeningClub.Discord.Gateway;
using Microsoft.Extensions.Hosting;

namespace ListeningClub.Discord.Hosting;

/// <summary>Runs the gateway shards and the dispatcher; stops the host (exit code 1) on a fatal Discord error.</summary>
public sealed class DiscordGatewayService(
    GatewayShards gateway,
    GatewayDispatcher dispatcher,
    IDiscordFatalErrors fatal,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dispatching = dispatcher.RunAsync(stoppingToken);
        await gateway.RunAsync(stoppingToken).ConfigureAwait(false);
        if (fatal.Current is not null)
        {
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }

        await dispatching.ConfigureAwait(false);
    }
}
