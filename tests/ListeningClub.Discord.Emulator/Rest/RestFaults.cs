namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>An injected REST failure: the next <see cref="Count"/> requests whose path starts with the prefix get it.</summary>
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

    /// <summary>Takes one use of the first fault matching <paramref name="path"/> (path after /api/v10).</summary>
    public RestFault? Take(string path)
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
                if (path.StartsWith(prefix, StringComparison.Ordinal))
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
