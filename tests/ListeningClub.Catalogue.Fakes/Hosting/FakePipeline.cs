using System.Net;
using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Fakes.MusicBrainz;

namespace ListeningClub.Catalogue.Fakes.Hosting;

/// <summary>
/// In front of every route: logs the request (time on the fakes' clock, path, redacted query, User-Agent,
/// credential presence), applies MusicBrainz's rules as the service does (no User-Agent: 403; over one request a
/// second: 503, not counted), then the service's fault (latency, then an error or a broken answer).
/// </summary>
public static class FakePipeline
{
    public static async Task InvokeAsync(HttpContext ctx, RequestDelegate next)
    {
        var state = ctx.RequestServices.GetRequiredService<FakeState>();
        var path = ctx.Request.Path.Value ?? "";
        FakeService? service = path.StartsWith("/tmdb/", StringComparison.Ordinal) ? FakeService.Tmdb
            : path.StartsWith("/musicbrainz/", StringComparison.Ordinal) ? FakeService.MusicBrainz
            : path.StartsWith("/coverart/", StringComparison.Ordinal) ? FakeService.CoverArt
            : null;
        if (service is not { } s)
        {
            await next(ctx).ConfigureAwait(false);
            return;
        }

        var userAgent = ctx.Request.Headers.UserAgent.ToString();
        var entry = state.Log.Add(s, state.Time.GetUtcNow(), ctx.Request.Method, path, Redact(ctx.Request.QueryString.Value ?? ""),
            string.IsNullOrEmpty(userAgent) ? null : userAgent, ctx.Request.Headers.Authorization.Count > 0, ctx.Request.Query.ContainsKey("api_key"));

        // The status is logged as the response starts, before the client sees it, so a client reading the log right
        // after its answer finds it there; and again at the end for an exchange that never started a response.
        ctx.Response.OnStarting(() =>
        {
            entry.Status = ctx.Response.StatusCode;
            return Task.CompletedTask;
        });
        try
        {
            var early = s == FakeService.MusicBrainz ? MusicBrainzRules(ctx, state, userAgent) : null;
            if (early is not null)
            {
                await early.ExecuteAsync(ctx).ConfigureAwait(false);
                return;
            }

            if (state.TakeFault(s) is { } fault)
            {
                if (fault.Latency > TimeSpan.Zero)
                {
                    using var held = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, state.Stopping);
                    await Task.Delay(fault.Latency, state.Time, held.Token).ConfigureAwait(false);
                }

                if (fault.Kind != FaultKind.None)
                {
                    await FaultResponses.WriteAsync(ctx, s, fault).ConfigureAwait(false);
                    return;
                }
            }

            await next(ctx).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested || state.Stopping.IsCancellationRequested)
        {
            // The client gave up, or the fakes are stopping, while we were slow on purpose.
        }
        finally
        {
            entry.Status = ctx.Response.StatusCode;
        }
    }

    private static IResult? MusicBrainzRules(HttpContext ctx, FakeState state, string userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return Results.Text("<html><body><h1>403 Forbidden</h1>Please provide a meaningful User-Agent.</body></html>", "text/html", statusCode: 403);
        }

        var client = ctx.Connection.RemoteIpAddress?.ToString() ?? IPAddress.Loopback.ToString();
        return state.AcceptMusicBrainzRequest(client) ? null : MusicBrainzRoutes.RateLimited();
    }

    private static string Redact(string query)
    {
        var at = query.IndexOf("api_key=", StringComparison.Ordinal);
        if (at < 0)
        {
            return query;
        }

        var end = query.IndexOf('&', at);
        return query[..(at + 8)] + "***" + (end < 0 ? "" : query[end..]);
    }
}
