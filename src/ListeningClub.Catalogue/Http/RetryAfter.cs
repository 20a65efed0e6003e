using System.Net.Http.Headers;

namespace ListeningClub.Catalogue.Http;

/// <summary>Reads <c>Retry-After</c> (seconds or an HTTP date) as a wait from now, on the injected clock.</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseMessage? response, TimeProvider time) => From(response?.Headers.RetryAfter, time);

    public static TimeSpan? From(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
