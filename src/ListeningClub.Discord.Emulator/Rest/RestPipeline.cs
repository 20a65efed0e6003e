using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Contract;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.RateLimits;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>
/// Runs before every /api/v10 handler, in Discord's order: route match (404/405), User-Agent,
/// authorisation (401), injected faults, rate limits (429 + headers), JSON parsing (50109),
/// contract validation (50035). Records each request and counts invalid ones.
/// </summary>
public static class RestPipeline
{
    public const string BodyKey = "discord.body";
    private const string ApiPrefix = "/api/v10";

    public static JsonNode? Body(this HttpContext context) => context.Items[BodyKey] as JsonNode;

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.Ordinal, out var rest))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var core = context.RequestServices.GetRequiredService<EmulatorCore>();
        var seq = core.Requests.NextSeq();
        string? bodyText = null;
        if (Uploads.IsMultipart(context.Request))
        {
            bodyText = await Uploads.ReadAsync(context).ConfigureAwait(false);
        }
        else if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            bodyText = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteInfo>();
        var sharedScope = false;
        var early = core.RestFaults.Take(rest.Value ?? "", cloudflare: true) is { } blocked
            ? CloudflareBlock(context, blocked)
            : Check(context, core, route, rest.Value ?? "", bodyText, ref sharedScope);

        // Recorded as the response starts, before the client can see it: a client that reads the log or the counters
        // right after its answer finds its request there.
        var recorded = 0;
        void Record()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                core.Stats.CountRequest(context.Response.StatusCode, sharedScope);
                core.Requests.Add(new RequestRecord(seq, context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value, context.Response.StatusCode, bodyText, route?.Key, core.Time.GetUtcNow()));
            }
        }

        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        if (early is not null)
        {
            await early.ExecuteAsync(context).ConfigureAwait(false);
        }
        else
        {
            await next(context).ConfigureAwait(false);
        }

        Record();
    }

    private static IResult? Check(HttpContext context, EmulatorCore core, RouteInfo? route, string subPath, string? bodyText, ref bool sharedScope)
    {
        if (route is null)
        {
            var endpoint = context.GetEndpoint();
            return endpoint?.DisplayName?.Contains("405", StringComparison.Ordinal) == true
                ? DiscordError.Reply(405, 0, "405: Method Not Allowed")
                : DiscordError.Reply(404, 0, "404: Not Found");
        }

        if (string.IsNullOrWhiteSpace(context.Request.Headers.UserAgent))
        {
            return DiscordError.Reply(400, 0, "A User-Agent header is required (DiscordBot ($url, $versionNumber)).");
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var expected = "Bot " + core.BotToken;
        var authorised = string.Equals(authorization, expected, StringComparison.Ordinal);
        if ((route.Auth == RouteAuth.Bot && !authorised) || (route.Auth == RouteAuth.PathToken && authorization.Length > 0 && !authorised))
        {
            return DiscordError.Reply(401, 0, "401: Unauthorized");
        }

        if (core.RestFaults.Take(subPath, cloudflare: false) is { } fault)
        {
            return FaultReply(context, fault, ref sharedScope);
        }

        var major = route.MajorParameter switch
        {
            null => null,
            "webhook" => $"{context.Request.RouteValues["webhook_id"]}/{context.Request.RouteValues["webhook_token"]}",
            "interaction" => $"{context.Request.RouteValues["interaction_id"]}",
            var name => context.Request.RouteValues[name]?.ToString(),
        };
        if (core.RateLimiter.Check(route, major) is { } decision)
        {
            WriteHeaders(context.Response, decision);
            if (!decision.Allowed)
            {
                return TooManyRequests(decision);
            }
        }

        if (bodyText is not null && bodyText.Length > 0)
        {
            var contentType = context.Request.ContentType ?? "";
            if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && !Uploads.IsMultipart(context.Request))
            {
                return DiscordError.Form("", "CONTENT_TYPE_INVALID", "Expected \"Content-Type\" header to be one of {'application/json', 'multipart/form-data'} (the emulator does not accept url-encoded forms).");
            }

            JsonNode? body;
            try
            {
                body = JsonNode.Parse(bodyText);
            }
            catch (JsonException)
            {
                return DiscordError.Reply(400, DiscordError.InvalidJson, "The request body contains invalid JSON.");
            }

            if (core.Settings.ValidateContract)
            {
                var errors = core.Contract?.Validate(route.OperationId, bodyText);
                if (DocLimits.Check(route.OperationId, body) is { } docErrors)
                {
                    errors ??= new FormErrors();
                    errors.AddAll(docErrors);
                }

                if (errors is { Any: true })
                {
                    return DiscordError.Form(errors);
                }
            }

            // A forum post's files belong to its starter message: Discord reads their references from "message".
            var attachTo = body is JsonObject { } forumPost && forumPost["message"] is JsonObject starter && context.Request.Path.Value?.EndsWith("/threads", StringComparison.Ordinal) == true ? starter : body;
            if (attachTo is JsonObject message && Uploads.Attach(context, core, message) is { } refused)
            {
                return refused;
            }

            context.Items[BodyKey] = body;
        }

        return null;
    }

    /// <summary>Cloudflare's error 1015 page, as its edge sends it: HTML, <c>Retry-After</c>, its own headers, nothing of Discord's.</summary>
    private static IResult CloudflareBlock(HttpContext context, RestFault fault)
    {
        const string html = "<!DOCTYPE html><html><head><title>Access denied | discord.com used Cloudflare to restrict access</title></head><body><h1>Error 1015</h1><p>You are being rate limited.</p></body></html>";
        var h = context.Response.Headers;
        h["Retry-After"] = Math.Ceiling(fault.RetryAfter).ToString(CultureInfo.InvariantCulture);
        h["Server"] = "cloudflare";
        h["CF-RAY"] = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64())) + "-FRA";
        return Results.Content(html, "text/html; charset=UTF-8", Encoding.UTF8, fault.Status);
    }

    private static IResult FaultReply(HttpContext context, RestFault fault, ref bool sharedScope)
    {
        if (fault.Status == 429)
        {
            var h = context.Response.Headers;
            h["Retry-After"] = Math.Ceiling(fault.RetryAfter).ToString(CultureInfo.InvariantCulture);
            h["X-RateLimit-Scope"] = fault.Global ? "global" : "user";
            if (fault.Global)
            {
                h["X-RateLimit-Global"] = "true";
            }
            else
            {
                h["X-RateLimit-Limit"] = "1";
                h["X-RateLimit-Remaining"] = "0";
                h["X-RateLimit-Reset-After"] = fault.RetryAfter.ToString("0.###", CultureInfo.InvariantCulture);
                h["X-RateLimit-Bucket"] = "injected-fault";
            }

            sharedScope = false;
            return DiscordError.Json(new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = fault.RetryAfter, ["global"] = fault.Global, ["code"] = 0 }, 429);
        }

        return DiscordError.Reply(fault.Status, 0, fault.Status switch
        {
            500 => "500: Internal Server Error",
            502 => "502: Bad Gateway",
            503 => "503: Service Unavailable",
            _ => $"{fault.Status}: Injected fault",
        });
    }

    private static void WriteHeaders(HttpResponse response, RateLimitDecision d)
    {
        var h = response.Headers;
        h["X-RateLimit-Limit"] = d.Limit.ToString(CultureInfo.InvariantCulture);
        h["X-RateLimit-Remaining"] = d.Remaining.ToString(CultureInfo.InvariantCulture);
        h["X-RateLimit-Reset"] = d.ResetAtEpochSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        h["X-RateLimit-Reset-After"] = d.ResetAfterSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        h["X-RateLimit-Bucket"] = d.BucketHash;
        if (!d.Allowed)
        {
            h["Retry-After"] = Math.Max(1, Math.Ceiling(d.RetryAfterSeconds)).ToString(CultureInfo.InvariantCulture);
            h["X-RateLimit-Scope"] = d.Scope;
            if (d.Global)
            {
                h["X-RateLimit-Global"] = "true";
            }
        }
    }

    private static IResult TooManyRequests(RateLimitDecision d)
    {
        var body = new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = d.RetryAfterSeconds,
            ["global"] = d.Global,
        };
        if (d.Global)
        {
            body["code"] = 0;
        }

        return DiscordError.Json(body, 429);
    }
}
