using System.Net;
using ListeningClub.Catalogue.Caching;
using ListeningClub.Catalogue.CoverArt;
using ListeningClub.Catalogue.Http;
using ListeningClub.Catalogue.MusicBrainz;
using ListeningClub.Catalogue.Tmdb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Catalogue.Hosting;

public static class CatalogueServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICatalogue"/> and its clients: options from <c>Catalogue:Tmdb</c>, <c>Catalogue:MusicBrainz</c>,
    /// <c>Catalogue:CoverArt</c> and <c>Catalogue:Cache</c> (validated at start), named HTTP clients with their
    /// resilience handlers and without the default request logging (URLs may carry a key; we log redacted ones),
    /// the process-wide MusicBrainz queue. Register an <see cref="ICatalogueItemStore"/> to keep chosen items.
    /// </summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(CatalogueMarker)))
        {
            return services;
        }

        services.AddSingleton<CatalogueMarker>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TmdbOptions>().BindConfiguration(TmdbOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MusicBrainzOptions>().BindConfiguration(MusicBrainzOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CoverArtOptions>().BindConfiguration(CoverArtOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CatalogueCacheOptions>().BindConfiguration(CatalogueCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton<ICatalogueItemStore, NoCatalogueItemStore>();
        services.TryAddSingleton<CatalogueCache>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<MusicBrainzOptions>>();
            return new MusicBrainzRateGate(sp.GetRequiredService<TimeProvider>(), () => (options.CurrentValue.MinInterval, options.CurrentValue.MaxQueueLength));
        });
        services.TryAddTransient<MusicBrainzGateHandler>();
        services.TryAddSingleton<TmdbClient>();
        services.TryAddSingleton(sp => new MusicBrainzClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptionsMonitor<MusicBrainzOptions>>(),
            sp.GetRequiredService<MusicBrainzRateGate>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MusicBrainzClient>>()));
        services.TryAddSingleton<CoverArtClient>();
        services.TryAddSingleton<ICatalogue, CatalogueService>();

        services.AddHttpClient(TmdbClient.HttpClientName, NoClientTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => Primary(followRedirects: true))
            .RemoveAllLoggers()
            .AddCatalogueRetry("tmdb", sp => Retry(sp.GetRequiredService<IOptionsMonitor<TmdbOptions>>().CurrentValue), withAttemptTimeout: true);

        // Retry outside the gate (each attempt takes a turn), the attempt timeout inside it (queueing is not a slow answer).
        services.AddHttpClient(MusicBrainzClient.HttpClientName, NoClientTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => Primary(followRedirects: true))
            .RemoveAllLoggers()
            .AddCatalogueRetry("musicbrainz", sp => Retry(sp.GetRequiredService<IOptionsMonitor<MusicBrainzOptions>>().CurrentValue), withAttemptTimeout: false)
            .AddHttpMessageHandler<MusicBrainzGateHandler>()
            .AddCatalogueAttemptTimeout("musicbrainz-attempt", sp => sp.GetRequiredService<IOptionsMonitor<MusicBrainzOptions>>().CurrentValue.AttemptTimeout);

        // No redirects: the 307 to the image is the answer ("a cover exists"), not something to download.
        services.AddHttpClient(CoverArtClient.HttpClientName, NoClientTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => Primary(followRedirects: false))
            .RemoveAllLoggers()
            .AddCatalogueRetry("coverart", sp => Retry(sp.GetRequiredService<IOptionsMonitor<CoverArtOptions>>().CurrentValue), withAttemptTimeout: true);
        return services;
    }

    // Timeouts are ours, on the injected TimeProvider, not HttpClient's.
    private static void NoClientTimeout(HttpClient client) => client.Timeout = Timeout.InfiniteTimeSpan;

    private static SocketsHttpHandler Primary(bool followRedirects) => new()
    {
        AllowAutoRedirect = followRedirects,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    private static RetrySettings Retry(TmdbOptions o) => new(o.MaxRetries, o.RetryBaseDelay, o.MaxRetryAfter, o.AttemptTimeout);

    private static RetrySettings Retry(MusicBrainzOptions o) => new(o.MaxRetries, o.MinInterval, o.MaxRetryAfter, o.AttemptTimeout);

    private static RetrySettings Retry(CoverArtOptions o) => new(o.MaxRetries, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5), o.AttemptTimeout);

    private sealed class CatalogueMarker;
}
