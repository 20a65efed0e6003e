using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Storage.Configuration;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the club store: <see cref="StorageOptions"/> bound from the <c>Storage</c> section and validated on start,
    /// the one database per process (opened when the host starts, so a locked folder or a bad file stops start-up with
    /// a <see cref="DataFolderInUseException"/> or <see cref="StorageFileException"/>), and closed (queue drained,
    /// checkpointed) when the host stops.
    /// </summary>
    public static IServiceCollection AddListeningClubStorage(this IServiceCollection services, Action<StorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => LiteStore.Open(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("ListeningClub.Storage")));
        services.TryAddSingleton<IStorageMaintenance, StorageMaintenance>();
        services.TryAddSingleton<IClubRepository, ClubRepository>();
        services.TryAddSingleton<ICycleRepository, CycleRepository>();
        services.TryAddSingleton<INominationRepository, NominationRepository>();
        services.TryAddSingleton<IBallotRepository, BallotRepository>();
        services.TryAddSingleton<IPickRepository, PickRepository>();
        services.TryAddSingleton<IRatingRepository, RatingRepository>();
        services.TryAddSingleton<IPromptRepository, PromptRepository>();
        services.TryAddSingleton<IOutboxRepository, OutboxRepository>();
        services.TryAddSingleton<ICatalogueEntryRepository, CatalogueEntryRepository>();
        services.AddHostedService<StorageLifetime>();
        return services;
    }
}
