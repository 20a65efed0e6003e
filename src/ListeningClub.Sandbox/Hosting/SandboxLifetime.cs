using Microsoft.Extensions.Hosting;

namespace ListeningClub.Sandbox.Hosting;

/// <summary>
/// The lifetime of the hosts inside the sandbox (the bot, the page): no console handling of their own, since the
/// sandbox catches Ctrl+C and SIGTERM once and stops them in order.
/// </summary>
public sealed class SandboxLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
