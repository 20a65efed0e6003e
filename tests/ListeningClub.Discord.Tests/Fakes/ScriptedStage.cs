using System.Net;
using System.Text;
using ListeningClub.Discord.Rest.Pipeline;
using ListeningClub.Discord.Rest.RateLimiting;

namespace ListeningClub.Discord.Tests.Fakes;

/// <summary>The next stage, scripted: answers each call with the next attempt of the script (the last one repeats).</summary>
internal sealed class ScriptedStage(params RestAttempt[] script) : IRestStage
{
    private readonly Queue<RestAttempt> _script = new(script);
    private readonly Lock _lock = new();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<RestAttempt> SendAsync(RestCall call, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        lock (_lock)
        {
            return ValueTask.FromResult(_script.Count > 1 ? _script.Dequeue() : _script.Peek());
        }
    }
}

/// <summary>Attempts as Discord (or Cloudflare) would answer them.</summary>
internal static class Attempts
{
    public static RestAttempt Ok() => Answer(HttpStatusCode.OK, Responses.MessageJson);

    public static RestAttempt Answer(HttpStatusCode status, string body = "", RateLimitHeaders headers = default) =>
        new(status, headers, Encoding.UTF8.GetBytes(body));

    /// <summary>A Discord 429 whose bucket still has room: a sublimit, so only this request waits.</summary>
    public static RestAttempt Sublimit(double retryAfter) => Answer(
        HttpStatusCode.TooManyRequests,
        $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":false}""",
        new RateLimitHeaders("b", 5, 3, retryAfter, Math.Ceiling(retryAfter), Global: false, Scope: "user"));

    /// <summary>Cloudflare's own 429: an HTML page and at most a <c>Retry-After</c>.</summary>
    public static RestAttempt Cloudflare(double? retryAfter = null) => Answer(
        HttpStatusCode.TooManyRequests,
        "<html>error 1015</html>",
        new RateLimitHeaders(null, null, null, null, retryAfter, Global: false, Scope: null));
}
