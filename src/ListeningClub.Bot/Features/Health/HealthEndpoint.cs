using ListeningClub.Bot.Web;
using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Features.Health;

/// <summary>
/// Serves <c>GET /healthz</c> on 127.0.0.1 only, from the registered health checks (<see cref="HealthCheckService"/>):
/// 200 with the facts when every check is healthy, 503 otherwise (body: <see cref="HealthJson"/>). A plain
/// <see cref="HttpListener"/>: one request at a time is plenty for Docker's HEALTHCHECK or a monitoring probe,
/// and it costs far less memory than a web server. When <c>Web:Enabled</c>, the web server answers <c>/healthz</c> instead.
/// </summary>
internal sealed partial class HealthEndpoint(HealthCheckService health, IOptions<HealthOptions> options, IOptions<WebOptions> web, ILogger<HealthEndpoint> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // With the web archive on, /healthz is served by the web server instead (HealthWebEndpoint): one port.
        if (!options.Value.Enabled || web.Value.Enabled)
        {
            return;
        }

        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{options.Value.Port}/");
        try
        {
            listener.Start();
        }
        catch (HttpListenerException ex)
        {
            LogCannotListen(logger, options.Value.Port, ex.Message);
            return;
        }

        LogListening(logger, options.Value.Url);
        using var stop = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException && stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await AnswerAsync(context, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken ct)
    {
        var response = context.Response;
        try
        {
            if (context.Request.Url?.AbsolutePath != "/healthz")
            {
                response.StatusCode = 404;
                return;
            }

            var report = await health.CheckHealthAsync(ct).ConfigureAwait(false);
            var body = HealthJson.Write(report);
            response.StatusCode = HealthJson.IsHealthy(report) ? 200 : 503;
            response.ContentType = "application/json";
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException)
        {
            LogAnswerFailed(logger, ex.Message);
        }
        finally
        {
            response.Close();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health endpoint at {Url}")]
    private static partial void LogListening(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health endpoint could not listen on 127.0.0.1:{Port} ({Reason}); set Health:Port to a free port or Health:Enabled to false")]
    private static partial void LogCannotListen(ILogger logger, int port, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Health request not answered: {Reason}")]
    private static partial void LogAnswerFailed(ILogger logger, string reason);
}
