using System.Threading.RateLimiting;
using ListeningClub.Catalogue.CoverArt;
using ListeningClub.Catalogue.Tmdb;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Web;

/// <summary>
/// Kestrel inside the bot process, when <c>Web:Enabled</c>: a small <see cref="WebApplication"/> of its own (so a bot
/// without the archive starts no web server at all) whose routes come from the features' <see cref="IWebEndpoints"/>,
/// resolved from the bot's container. Every answer carries a strict Content-Security-Policy (same-origin stylesheet and
/// scripts, images, nothing else: no inline script, no inline style), <c>nosniff</c>, <c>Referrer-Policy: no-referrer</c> (an unlisted link's
/// slug must not leave in a Referer, e.g. to the poster's image server) and <c>noindex</c>; each client address may make
/// <see cref="WebOptions.RequestsPerMinute"/> requests a minute (429 after that).
/// </summary>
public sealed partial class WebServer(
    IServiceProvider services,
    IOptions<WebOptions> options,
    IOptions<TmdbOptions> tmdb,
    IOptions<CoverArtOptions> coverArt,
    ILoggerFactory loggerFactory,
    ILogger<WebServer> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>
    /// Images may come from here, from any https server (posters and covers are the catalogues' URLs, and the Cover Art
    /// Archive redirects to its mirrors) and from the configured catalogue image servers (a mirror or a test fake may
    /// be plain http); styles and scripts only from here (files, never inline); no frames, no forms.
    /// </summary>
    public string ContentSecurityPolicy { get; } = PolicyFor(ImageOrigins(tmdb.Value.ImageBaseUrl, coverArt.Value.BaseUrl));

    private WebApplication? _app;

    /// <summary>Where the server listens once started (the real port when <c>Web:Urls</c> asked for port 0); empty when disabled.</summary>
    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    /// <summary>The base of the links handed to managers: <c>Web:PublicBaseUrl</c>, else where the server listens, ending in '/'.</summary>
    public Uri LinkBase => options.Value.PublicBaseUrl is null && Addresses is [var listening, ..]
        ? new Uri(listening.GetLeftPart(UriPartial.Authority) + "/")
        : options.Value.LinkBase();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0; // read-only: nothing is ever posted
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal)
                    ? RateLimitPartition.GetNoLimiter("healthz")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        var app = builder.Build();
        var policy = ContentSecurityPolicy;
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Robots-Tag"] = "noindex, nofollow";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
        app.UseRateLimiter();
        foreach (var endpoints in services.GetServices<IWebEndpoints>())
        {
            endpoints.Map(app);
        }

        app.MapFallback(static () => WebResponses.NotFound());
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        Addresses = [.. app.Urls.Select(url => new Uri(url))];
        LogListening(logger, string.Join(", ", app.Urls), settings.LinkBase());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string PolicyFor(IEnumerable<string> imageOrigins) =>
        $"default-src 'none'; script-src 'self'; style-src 'self'; img-src {string.Join(' ', ["'self'", "https:", .. imageOrigins])}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The origins (scheme, host, port) of the configured image servers that are not https (https: covers those).</summary>
    private static IEnumerable<string> ImageOrigins(params string[] baseUrls) =>
        baseUrls
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp ? uri.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web archive listening on {Urls}; links start with {LinkBase}")]
    private static partial void LogListening(ILogger logger, string urls, Uri linkBase);
}

public static class WebServerRegistration
{
    /// <summary>The web server's options (validated at start) and the server itself; features add their routes with <see cref="WebEndpoints.AddWebEndpoints{T}"/>.</summary>
    public static IServiceCollection AddWebServer(this IServiceCollection services)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddSingleton<WebServer>();
        services.AddHostedService(provider => provider.GetRequiredService<WebServer>());
        return services;
    }
}
