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
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Repositories;
using ListeningClub.Storage.Repositories;
using ListeningClub.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Storage.Postgres.Tests.Support;

/// <summary>One store as the contract tests see it: the domain's repositories, a restart, and what a unique-rule conflict looks like.</summary>
public abstract class StoreUnderTest : IAsyncDisposable
{
    public IClubRepository Clubs { get; protected set; } = null!;

    public ICycleRepository Cycles { get; protected set; } = null!;

    public INominationRepository Nominations { get; protected set; } = null!;

    public IBallotRepository Ballots { get; protected set; } = null!;

    public IPickRepository Picks { get; protected set; } = null!;

    public IRatingRepository Ratings { get; protected set; } = null!;

    public IPromptRepository Prompts { get; protected set; } = null!;

    public IOutboxRepository Outbox { get; protected set; } = null!;

    public ICatalogueEntryRepository CatalogueEntries { get; protected set; } = null!;

    /// <summary>Closes the store cleanly and opens it again (what a restart does).</summary>
    public abstract Task ReopenAsync();

    /// <summary>True when <paramref name="exception"/> is this store's "a unique rule was broken" exception.</summary>
    public abstract bool IsConflict(Exception exception);

    public abstract ValueTask DisposeAsync();
}

/// <summary>The LiteDB store in a temp folder, through its public registration (as the bot uses it).</summary>
public sealed class LiteDbStoreUnderTest : StoreUnderTest
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "listeningclub-contract", Guid.NewGuid().ToString("N"));
    private ServiceProvider? _services;

    private LiteDbStoreUnderTest() => Open();

    public static Task<StoreUnderTest> OpenAsync() => Task.FromResult<StoreUnderTest>(new LiteDbStoreUnderTest());

    public override async Task ReopenAsync()
    {
        await _services!.DisposeAsync();
        Open();
    }

    public override bool IsConflict(Exception exception) => exception is StorageConflictException;

    public override async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private void Open()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Sample.Now));
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddListeningClubStorage(options => options.DataFolder = _folder);
        _services = services.BuildServiceProvider();
        _services.OpenListeningClubStore();
        Clubs = _services.GetRequiredService<IClubRepository>();
        Cycles = _services.GetRequiredService<ICycleRepository>();
        Nominations = _services.GetRequiredService<INominationRepository>();
        Ballots = _services.GetRequiredService<IBallotRepository>();
        Picks = _services.GetRequiredService<IPickRepository>();
        Ratings = _services.GetRequiredService<IRatingRepository>();
        Prompts = _services.GetRequiredService<IPromptRepository>();
        Outbox = _services.GetRequiredService<IOutboxRepository>();
        CatalogueEntries = _services.GetRequiredService<ICatalogueEntryRepository>();
    }
}

/// <summary>The PostgreSQL store in a fresh schema of the test run's cluster.</summary>
public sealed class PostgresStoreUnderTest : StoreUnderTest
{
    private readonly string _connectionString;

    private PostgresStoreUnderTest(string connectionString, PostgresStore store)
    {
        _connectionString = connectionString;
        Use(store);
    }

    public PostgresStore Store { get; private set; } = null!;

    public string ConnectionString => _connectionString;

    public static async Task<StoreUnderTest> OpenAsync()
    {
        var cluster = await PostgresCluster.Shared;
        var connectionString = await cluster.CreateSchemaAsync();
        return new PostgresStoreUnderTest(connectionString, await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = connectionString }));
    }

    public override async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Use(await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = _connectionString }));
    }

    public override bool IsConflict(Exception exception) => exception is PostgresConflictException;

    public override ValueTask DisposeAsync() => Store.DisposeAsync();

    private void Use(PostgresStore store)
    {
        Store = store;
        Clubs = new PostgresClubRepository(store);
        Cycles = new PostgresCycleRepository(store);
        Nominations = new PostgresNominationRepository(store);
        Ballots = new PostgresBallotRepository(store);
        Picks = new PostgresPickRepository(store);
        Ratings = new PostgresRatingRepository(store);
        Prompts = new PostgresPromptRepository(store);
        Outbox = new PostgresOutboxRepository(store);
        CatalogueEntries = new PostgresCatalogueEntryRepository(store);
    }
}
