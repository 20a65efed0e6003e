namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>
/// An injected REST failure: the next <see cref="Count"/> requests whose path starts with the prefix get it. A
/// <see cref="Cloudflare"/> one is Cloudflare's error 1015 in front of Discord (a rate-limiting rule on those paths, or
/// with prefix "/" the IP's ban): an HTML page with <c>Retry-After</c> and none of Discord's headers, for any request on
/// the paths, before Discord routes, authenticates or counts it.
/// </summary>
public sealed record RestFault(string PathPrefix, int Status, int Count, double RetryAfter, bool Global, bool Cloudflare);

/// <summary>Pending REST faults (control API: POST /_emulator/rest/faults).</summary>
public sealed class RestFaults
{
    private readonly Lock _gate = new();
    private readonly List<(RestFault Fault, int Left)> _faults = [];

    public void Add(RestFault fault)
    {
        lock (_gate)
        {
            _faults.Add((fault, fault.Count));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>
    /// Takes one use of the first fault matching <paramref name="path"/> (path after /api/v10) that Cloudflare
    /// (<paramref name="cloudflare"/>) or Discord answers: Cloudflare's before Discord looks at the request at all.
    /// </summary>
    public RestFault? Take(string path, bool cloudflare)
    {
        lock (_gate)
        {
            if (_faults.Count == 0)
            {
                return null;
            }

            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, left) = _faults[i];
                var prefix = fault.PathPrefix.StartsWith("/api/v10", StringComparison.Ordinal) ? fault.PathPrefix["/api/v10".Length..] : fault.PathPrefix;
                if (fault.Cloudflare == cloudflare && path.StartsWith(prefix, StringComparison.Ordinal))
                {
                    if (left <= 1)
                    {
                        _faults.RemoveAt(i);
                    }
                    else
                    {
                        _faults[i] = (fault, left - 1);
                    }

                    return fault;
                }
            }

            return null;
        }
    }
}
