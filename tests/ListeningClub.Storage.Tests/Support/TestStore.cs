using ListeningClub.Storage.Configuration;
using ListeningClub.Storage.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Storage.Tests.Support;

/// <summary>A real store on a temp folder, with a fake clock.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly TempFolder? _ownedFolder;
    private LiteStore? _store;

    public TestStore(string? folder = null, Action<StorageOptions>? configure = null)
    {
        if (folder is null)
        {
            _ownedFolder = new TempFolder();
            folder = _ownedFolder.Path;
        }

        Options = new StorageOptions { DataFolder = folder };
        configure?.Invoke(Options);
        _store = LiteStore.Open(Options, Time, NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public StorageOptions Options { get; }

    internal LiteStore Store => _store ?? throw new ObjectDisposedException(nameof(TestStore));

    /// <summary>Closes the store cleanly and opens the same folder again (what a restart does).</summary>
    public async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        _store = LiteStore.Open(Options, Time, NullLogger.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
            _store = null;
        }

        _ownedFolder?.Dispose();
    }
}
