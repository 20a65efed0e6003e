using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Sandbox.Demo;
using ListeningClub.Sandbox.Hosting;
using ListeningClub.Sandbox.Members;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Sandbox.Web;

/// <summary>
/// The page's server, on 127.0.0.1 only: the page (<c>/</c>), its refresh (<c>/view</c>), live updates as Server-Sent
/// Events (<c>/events</c>, following the emulator's change feed), uploaded pictures (<c>/attachments/…</c>), the
/// script and styles (<c>/assets/…</c>) and the member's actions (<c>/api/…</c>, JSON, same origin only), each sent
/// to the bot as Discord would send it. Every answer carries a strict Content-Security-Policy (scripts and styles
/// from this origin only, no inline script), <c>nosniff</c> and <c>no-referrer</c>.
/// </summary>
public static class SandboxWeb
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(15);

    /// <summary>What the endpoints use.</summary>
    public sealed record Parts(EmulatorControl Control, HttpClient Emulator, MemberActions Actions, DemoServer Demo, Autoplay Autoplay, TimeProvider Time);

    public static WebApplication Build(int port, Parts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });

        // Not the bot's appsettings.json beside the executable: the page's server listens where it is told, and logs
        // warnings and up, to standard error.
        foreach (var file in builder.Configuration.Sources.OfType<Microsoft.Extensions.Configuration.FileConfigurationSource>().ToList())
        {
            builder.Configuration.Sources.Remove(file);
        }

        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A port in use is one line from SandboxRun, not the host's logged stack trace (the exception still reaches it).
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddSingleton<IHostLifetime, SandboxLifetime>();
        builder.Services.AddSingleton(parts);
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.Use(Guard);
        app.UseRouting();
        SandboxEndpoints.Map(app);
        return app;
    }

    /// <summary>The address Kestrel listens on (the port chosen when 0 was asked for).</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>
    /// Security headers on every answer; only loopback clients, and only this server's own host name (a web page
    /// elsewhere cannot reach the sandbox through DNS rebinding); actions only as same-origin JSON (no cross-site form posts).
    /// </summary>
    private static async Task Guard(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";

        var remote = context.Connection.RemoteIpAddress;
        var host = context.Request.Host.Host;
        if (remote is null || !System.Net.IPAddress.IsLoopback(remote) || host is not ("127.0.0.1" or "localhost"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (HttpMethods.IsPost(context.Request.Method))
        {
            var origin = context.Request.Headers.Origin.ToString();
            var own = $"{context.Request.Scheme}://{context.Request.Host}";
            var json = context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
            if (!json || (origin.Length > 0 && !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>Waits for the emulator's next change; the page's script refreshes on each event.</summary>
    public static async Task EventsAsync(HttpContext context, Parts parts, long? after, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parts);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var ct = both.Token;
        context.Response.ContentType = "text/event-stream";
        var version = after ?? -1;
        try
        {
            await context.Response.WriteAsync("retry: 1000\n\n", ct).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested)
            {
                var next = await parts.Control.WaitForChangeAsync(version, EventWait, ct).ConfigureAwait(false);
                var text = next != version ? $"event: change\ndata: {next}\n\n" : ": still here\n\n";
                version = next;
                await context.Response.WriteAsync(text, ct).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // The page closed, or the sandbox stops.
        }
    }

    internal static JsonObject Problem(string? text) => new() { ["problem"] = text };
}
