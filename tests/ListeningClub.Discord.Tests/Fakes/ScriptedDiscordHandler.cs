using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Tests.Fakes;

/// <summary>One request the client sent, as Discord would see it (time is the fake clock's).</summary>
public sealed record RecordedRequest(HttpMethod Method, string PathAndQuery, string? Body, string? Authorization, string? UserAgent, DateTimeOffset SentAt);

/// <summary>Plays Discord: records every request and answers with whatever the test scripted.</summary>
public sealed class ScriptedDiscordHandler(FakeTimeProvider clock) : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _lock = new();

    /// <summary>Answers a request; the default is 200 with a minimal message.</summary>
    public Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Respond { get; set; } =
        (_, _) => Task.FromResult(Responses.Message());

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToArray();
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _requests.Count;
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!.PathAndQuery,
            body,
            request.Headers.TryGetValues("Authorization", out var auth) ? string.Join(",", auth) : null,
            request.Headers.TryGetValues("User-Agent", out var ua) ? string.Join(" ", ua) : null,
            clock.GetUtcNow());
        lock (_lock)
        {
            _requests.Add(recorded);
        }

        return await Respond(recorded, cancellationToken);
    }
}

public static class Responses
{
    public const string MessageJson = """{"id":"900","channel_id":"1","author":{"id":"5","username":"bot"},"content":"ok","timestamp":"2026-11-24T00:00:00+00:00","edited_timestamp":null,"tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":0,"flags":0,"components":[]}""";

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage Message(params (string Name, string Value)[] headers) => Json(HttpStatusCode.OK, MessageJson, headers);

    public static (string, string)[] Bucket(string hash, int limit, int remaining, double resetAfter) =>
    [
        ("X-RateLimit-Bucket", hash),
        ("X-RateLimit-Limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("X-RateLimit-Reset-After", resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public static HttpResponseMessage TooManyRequests(double retryAfter, bool global, string scope, int remaining = 0, string bucket = "b")
    {
        var json = $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""";
        var headers = new List<(string, string)>
        {
            ("Retry-After", Math.Ceiling(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("X-RateLimit-Scope", scope),
        };
        if (global)
        {
            headers.Add(("X-RateLimit-Global", "true"));
        }
        else
        {
            headers.AddRange(Bucket(bucket, 5, remaining, retryAfter));
        }

        return Json(HttpStatusCode.TooManyRequests, json, [.. headers]);
    }

    /// <summary>Cloudflare's own 429 (error 1015): an HTML page, no Discord rate-limit headers, and a <c>Retry-After</c> when given.</summary>
    public static HttpResponseMessage CloudflareTooManyRequests(int? retryAfterSeconds = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("<html>error 1015</html>", Encoding.UTF8, "text/html") };
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return response;
    }
}
