using ListeningClub.Bot.Features.Archive;
using ListeningClub.Bot.Features.Backup;
using ListeningClub.Bot.Features.Discussion;
using ListeningClub.Bot.Features.Export;
using ListeningClub.Bot.Features.Health;
using ListeningClub.Bot.Features.Help;
using ListeningClub.Bot.Features.Nominations;
using ListeningClub.Bot.Features.Picks;
using ListeningClub.Bot.Features.Ratings;
using ListeningClub.Bot.Features.Reminders;
using ListeningClub.Bot.Features.Schedule;
using ListeningClub.Bot.Features.Setup;
using ListeningClub.Bot.Features.Voting;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Steps;
using ListeningClub.Bot.Web;
using ListeningClub.Catalogue.Caching;
using ListeningClub.Catalogue.Hosting;
using ListeningClub.Discord.Hosting;
using ListeningClub.Storage.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Hosting;

/// <summary>Everything the bot is made of. Each part registers itself; this only lists them.</summary>
public static class ListeningClubServices
{
    /// <remarks>
    /// <para>
    /// The features' order is the order of /help, of /club's subcommands, and of the handlers of one event: when a pick
    /// is announced its discussion opens (Discussion) before its party event is made (Schedule, which links the
    /// discussion) and before the previous pick's ratings are revealed (Ratings).
    /// </para>
    /// <para>
    /// The order is also the shutdown order, reversed: on SIGTERM the host stops its services last-registered first, so
    /// the web server and the health endpoint go, then the gateway (no new interactions; the ones running finish), then the scheduler
    /// (running jobs finish), and the store last (its writer drains, then a checkpoint).
    /// </para>
    /// </remarks>
    /// <param name="configuration">The bot's configuration, for the choices made when registering (Quartz's job store).</param>
    public static IServiceCollection AddListeningClub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClubStore(); // LiteDB, or PostgreSQL when Storage:Provider = Postgres
        services.AddSingleton<IValidateOptions<StorageOptions>, DataFolderCheck>();
        services.AddClubApplication();
        services.TryAddSingleton<ICatalogueItemStore, StoredCatalogueItems>(); // before AddCatalogue: replaces its keep-nothing default
        services.AddCatalogue();
        services.AddInteractions();
        services.AddPosting();
        services.AddStepRunner();
        services.AddScheduler(configuration);
        services.AddSetup();
        services.AddNominations();
        services.AddVoting();
        services.AddPicks();
        services.AddDiscussion();
        services.AddSchedule();
        services.AddRatings();
        services.AddReminders();
        services.AddExport();
        services.AddArchive();
        services.AddBackups();
        services.AddHelp();
        services.AddDiscordClient();
        services.AddHealth();
        services.AddWebServer();
        services.AddHostedService<IdleTrim>();
        return services;
    }
}
