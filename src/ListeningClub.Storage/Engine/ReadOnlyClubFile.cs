using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;
using ListeningClub.Storage.Configuration;
using ListeningClub.Storage.Repositories;
using Microsoft.Extensions.Logging.Abstractions;

namespace ListeningClub.Storage.Engine;

/// <summary>
/// An existing club file opened for reading only, e.g. to move it into another store: the repositories over it, with
/// the data-folder lock held until disposed (no bot opens the folder meanwhile). The file and its log are opened
/// read-only; nothing is migrated, checkpointed or written, and a write through these repositories throws.
/// </summary>
public sealed class ReadOnlyClubFile : IAsyncDisposable
{
    private readonly LiteStore _store;

    private ReadOnlyClubFile(LiteStore store)
    {
        _store = store;
        Clubs = new ClubRepository(store);
        Cycles = new CycleRepository(store);
        Nominations = new NominationRepository(store);
        Ballots = new BallotRepository(store);
        Picks = new PickRepository(store);
        Ratings = new RatingRepository(store);
        Prompts = new PromptRepository(store);
        Outbox = new OutboxRepository(store);
        CatalogueEntries = new CatalogueEntryRepository(store);
    }

    public string DatabasePath => _store.DatabasePath;

    public IClubRepository Clubs { get; }

    public ICycleRepository Cycles { get; }

    public INominationRepository Nominations { get; }

    public IBallotRepository Ballots { get; }

    public IPickRepository Picks { get; }

    public IRatingRepository Ratings { get; }

    public IPromptRepository Prompts { get; }

    public IOutboxRepository Outbox { get; }

    public ICatalogueEntryRepository CatalogueEntries { get; }

    /// <summary>
    /// Opens <see cref="StorageOptions.DatabasePath"/>. Throws <see cref="DataFolderInUseException"/> when a bot owns
    /// the folder, <see cref="StorageFileException"/> when there is no file or none this build can read (one line each).
    /// </summary>
    public static ReadOnlyClubFile Open(StorageOptions options, TimeProvider time) =>
        new(LiteStore.OpenReadOnly(options, time, NullLogger.Instance));

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
