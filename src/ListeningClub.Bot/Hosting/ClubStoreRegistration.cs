using ListeningClub.Application.Locks;
using ListeningClub.Bot.Features.Backup;
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
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// The club store, chosen by <c>Storage:Provider</c> when the container first hands out a repository: both stores are
/// registered, and each repository interface (and <see cref="IStorageMaintenance"/>) is answered by the chosen one. The
/// other store is never opened: on PostgreSQL no LiteDB file is created, on LiteDB no connection is made.
/// </summary>
public static class ClubStoreRegistration
{
    /// <summary>The LiteDB store's hosted service (internal to Storage): replaced by <see cref="ClubStoreLifetime"/>, which runs it when LiteDB is chosen.</summary>
    private const string LiteDbLifetimeType = "ListeningClub.Storage.Engine.StorageLifetime";

    public static IServiceCollection AddClubStore(this IServiceCollection services)
    {
        services.AddListeningClubStorage();
        services.AddOptions<ClubStoreOptions>()
            .BindConfiguration(ClubStoreOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) => options.PostgresConnectionString ??= configuration.GetConnectionString("Postgres"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClubStoreOptions>, ClubStoreOptionsValidation>();

        // On PostgreSQL, backups are pg_dump's job: no daily backup job (it would have nothing to write).
        // (Read from the configuration, not IOptions<ClubStoreOptions>: a bad Storage:Provider must fail only its own validation.)
        services.AddOptions<BackupOptions>().PostConfigure<IConfiguration>((backup, configuration) =>
            backup.Daily &= !ClubStoreOptions.ChoosesPostgres(configuration));
        services.AddSingleton(provider => PostgresStore.Open(new PostgresStoreSettings
        {
            ConnectionString = provider.GetRequiredService<IOptions<ClubStoreOptions>>().Value.PostgresConnectionString
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres is missing."),
            MaxBatchSize = provider.GetRequiredService<IOptions<StorageOptions>>().Value.MaxBatchSize,
            ExtraSchema = [QuartzClustering.Schema],
            Time = provider.GetRequiredService<TimeProvider>(),
        }));

        // Several instances may share a PostgreSQL store: the application's locks are then also taken across them.
        services.AddSingleton<IClusterLocks>(provider => provider.GetRequiredService<IOptions<ClubStoreOptions>>().Value.IsPostgres
            ? new PostgresClusterLocks(new AdvisoryLocks(provider.GetRequiredService<PostgresStore>()))
            : IClusterLocks.OneProcess);

        Route<IClubRepository, PostgresClubRepository>(services);
        Route<ICycleRepository, PostgresCycleRepository>(services);
        Route<INominationRepository, PostgresNominationRepository>(services);
        Route<IBallotRepository, PostgresBallotRepository>(services);
        Route<IPickRepository, PostgresPickRepository>(services);
        Route<IRatingRepository, PostgresRatingRepository>(services);
        Route<IPromptRepository, PostgresPromptRepository>(services);
        Route<IOutboxRepository, PostgresOutboxRepository>(services);
        Route<ICatalogueEntryRepository, PostgresCatalogueEntryRepository>(services);
        Route<IStorageMaintenance, PostgresStorageMaintenance>(services);

        // The store's lifetime keeps its place among the hosted services (first started, last stopped).
        var lifetime = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == LiteDbLifetimeType);
        var index = services.IndexOf(lifetime);
        services.RemoveAt(index);
        services.Insert(index, ServiceDescriptor.Singleton<IHostedService>(provider => new ClubStoreLifetime(provider, lifetime.ImplementationType!)));
        return services;
    }

    /// <summary>
    /// Opens the chosen store now (it is otherwise opened on first use or when the host starts), so that the caller can
    /// report a store it cannot use in one line. Throws <see cref="DataFolderInUseException"/> or
    /// <see cref="StorageFileException"/> (LiteDB), <see cref="PostgresStoreException"/> (PostgreSQL).
    /// </summary>
    public static void OpenClubStore(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetRequiredService<IOptions<ClubStoreOptions>>().Value.IsPostgres)
        {
            _ = services.GetRequiredService<PostgresStore>();
        }
        else
        {
            services.OpenListeningClubStore();
        }
    }

    /// <summary>
    /// Answers <typeparamref name="TService"/> from the chosen store. When something registered it before the LiteDB
    /// store did (a host's or a test's stand-in, which the store's TryAdd left in place), that registration stays.
    /// </summary>
    private static void Route<TService, TPostgres>(IServiceCollection services)
        where TService : class
        where TPostgres : class, TService
    {
        var lite = services.LastOrDefault(d => d.ServiceType == typeof(TService) && d.ImplementationType?.Assembly == typeof(StorageOptions).Assembly);
        if (lite is null)
        {
            return;
        }

        var liteType = lite.ImplementationType!;
        services.Remove(lite);
        services.AddSingleton(liteType);
        services.AddSingleton<TPostgres>();
        services.AddSingleton<TService>(provider => provider.GetRequiredService<IOptions<ClubStoreOptions>>().Value.IsPostgres
            ? provider.GetRequiredService<TPostgres>()
            : (TService)provider.GetRequiredService(liteType));
    }
}

/// <summary>Opens the chosen store when the host starts and closes it when the host stops (after everything that writes).</summary>
internal sealed class ClubStoreLifetime(IServiceProvider services, Type liteDbLifetimeType) : IHostedService
{
    private IHostedService? _liteDb;
    private PostgresStore? _postgres;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IOptions<ClubStoreOptions>>().Value.IsPostgres)
        {
            _postgres = services.GetRequiredService<PostgresStore>();
            return Task.CompletedTask;
        }

        _liteDb = (IHostedService)ActivatorUtilities.CreateInstance(services, liteDbLifetimeType);
        return _liteDb.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_liteDb is not null)
        {
            await _liteDb.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>
/// <see cref="IStorageMaintenance"/> on PostgreSQL: a checkpoint is the server's business (a no-op here), a health probe
/// is a round trip, and backups are <c>pg_dump</c>'s job (see src/ListeningClub.Storage.Postgres/README.md).
/// </summary>
internal sealed class PostgresStorageMaintenance(PostgresStore store) : IStorageMaintenance
{
    public const string BackupIsPgDumpsJob =
        "Backups of a PostgreSQL store are pg_dump's job (e.g. pg_dump --format=custom listeningclub > club.dump, scheduled on the database host); the bot makes none.";

    public Task CheckpointAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<string> BackupAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException(BackupIsPgDumpsJob);

    public Task<(bool Writable, string? Problem)> ProbeAsync(CancellationToken cancellationToken = default) => store.ProbeAsync(cancellationToken);
}

/// <summary><see cref="IClusterLocks"/> as PostgreSQL's advisory locks: every instance on the same database (and schema) sees them.</summary>
internal sealed class PostgresClusterLocks(AdvisoryLocks locks) : IClusterLocks
{
    public bool IsShared => true;

    public Task<IAsyncDisposable> AcquireAsync(string kind, string id, bool sideBySide, CancellationToken cancellationToken) =>
        locks.AcquireAsync(kind, id, sideBySide, cancellationToken);

    public Task<IAsyncDisposable?> TryAcquireAsync(string kind, string id, CancellationToken cancellationToken) =>
        locks.TryAcquireAsync(kind, id, cancellationToken);
}
