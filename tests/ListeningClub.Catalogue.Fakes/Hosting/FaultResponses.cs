using System.Globalization;
using System.Text;
using ListeningClub.Catalogue.Fakes.Control;

namespace ListeningClub.Catalogue.Fakes.Hosting;

/// <summary>The answers a fault gives: each service's documented error bodies, and the broken answers real networks produce.</summary>
public static class FaultResponses
{
    public static async Task WriteAsync(HttpContext ctx, FakeService service, ServiceFault fault)
    {
        var response = ctx.Response;
        if (fault.RetryAfterSeconds is { } retry && fault.Kind is FaultKind.TooManyRequests or FaultKind.ServiceUnavailable)
        {
            response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        }

        switch (fault.Kind)
        {
            case FaultKind.TooManyRequests:
                await Json(ctx, 429, service == FakeService.Tmdb
                    ? """{"success":false,"status_code":25,"status_message":"Your request count (#) is over the allowed limit of (40)."}"""
                    : """{"error":"Too many requests."}""").ConfigureAwait(false);
                break;
            case FaultKind.ServiceUnavailable:
                await Json(ctx, 503, service == FakeService.Tmdb
                    ? """{"success":false,"status_code":9,"status_message":"Service offline: This service is temporarily offline, try again later."}"""
                    : """{"error":"Your requests are exceeding the allowable rate limit. Please see https://wiki.musicbrainz.org/XMLWebService for more information."}""").ConfigureAwait(false);
                break;
            case FaultKind.InternalServerError:
                await Json(ctx, 500, """{"success":false,"status_code":11,"status_message":"Internal error: Something went wrong, contact TMDB."}""").ConfigureAwait(false);
                break;
            case FaultKind.Unauthorized:
                await Json(ctx, 401, """{"status_code":7,"status_message":"Invalid API key: You must be granted a valid key.","success":false}""").ConfigureAwait(false);
                break;
            case FaultKind.MalformedJson:
                await Json(ctx, 200, """{"page":1,"results":[{"id":348,"title":"Alien","release_date":"1979-""").ConfigureAwait(false);
                break;
            case FaultKind.Html:
                response.StatusCode = 200;
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>").ConfigureAwait(false);
                break;
            case FaultKind.Oversized:
                await OversizedAsync(ctx, fault.OversizeBytes).ConfigureAwait(false);
                break;
            case FaultKind.WrongTypes:
                await Json(ctx, 200, service == FakeService.Tmdb
                    ? """{"page":"1","results":"none","id":"348","title":348,"runtime":"two hours","total_results":"many"}"""
                    : """{"created":1,"count":"2","offset":0,"release-groups":{"id":5},"id":7,"title":["x"],"release-group":"none"}""").ConfigureAwait(false);
                break;
            case FaultKind.MissingFields:
                await Json(ctx, 200, "{}").ConfigureAwait(false);
                break;
        }
    }

    private static async Task Json(HttpContext ctx, int status, string body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync(body).ConfigureAwait(false);
    }

    /// <summary>Valid JSON, streamed without a Content-Length, with a padding string of about <paramref name="bytes"/> bytes.</summary>
    private static async Task OversizedAsync(HttpContext ctx, int bytes)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync("""{"page":1,"results":[],"padding":" """).ConfigureAwait(false);
        var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        for (var written = 0; written < bytes; written += chunk.Length)
        {
            await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted).ConfigureAwait(false);
        }

        await ctx.Response.WriteAsync("\"}").ConfigureAwait(false);
    }
}
