using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ListeningClub.Storage.Engine;

/// <summary>Opens the store when the host starts (failing start-up on a locked folder or bad file) and closes it when the host stops.</summary>
internal sealed class StorageLifetime(IServiceProvider services) : IHostedService
{
    private LiteStore? _store;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _store = services.GetRequiredService<LiteStore>();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
