using System.Collections.Concurrent;
using ListeningClub.Catalogue.Fakes.Hosting;
using ListeningClub.Catalogue.Fakes.Seed;

namespace ListeningClub.Catalogue.Fakes.Control;

/// <summary>What the fakes share: settings, the seeded catalogue, faults per service, the request log, MusicBrainz's rate state.</summary>
public sealed class FakeState(FakeSettings settings) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<FakeService, ServiceFault> _faults = new();
    private readonly Lock _rateLock = new();
    private readonly Dictionary<string, long> _lastAccepted = new(StringComparer.Ordinal);

    public FakeSettings Settings => settings;

    public TimeProvider Time => settings.Time;

    public RequestLog Log { get; } = new();

    /// <summary>Cancelled when the fakes stop: requests held by a latency fault end at once.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public void Stop() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();

    public IReadOnlyList<SeedFilm> Films => SeedFilms.All;

    public IReadOnlyList<SeedAlbum> Albums => SeedAlbums.All;

    public void SetFault(FakeService service, ServiceFault fault) => _faults[service] = fault;

    public void ClearFault(FakeService service) => _faults.TryRemove(service, out _);

    public ServiceFault? Fault(FakeService service) => _faults.TryGetValue(service, out var fault) ? fault : null;

    /// <summary>The fault for this request, counting it down; null when none applies.</summary>
    public ServiceFault? TakeFault(FakeService service)
    {
        while (_faults.TryGetValue(service, out var fault))
        {
            if (fault.Count is null)
            {
                return fault;
            }

            var next = fault.Count - 1;
            var updated = next > 0 && _faults.TryUpdate(service, fault with { Count = next }, fault);
            if (updated || (next <= 0 && _faults.TryRemove(KeyValuePair.Create(service, fault))))
            {
                return fault;
            }
        }

        return null;
    }

    /// <summary>
    /// MusicBrainz's per-IP rule: a request less than the minimum interval after the last accepted one from the same
    /// address is declined (503) and does not count; an accepted one starts the next interval.
    /// </summary>
    public bool AcceptMusicBrainzRequest(string client)
    {
        lock (_rateLock)
        {
            var now = Time.GetTimestamp();
            var interval = settings.MusicBrainzMinInterval - settings.MusicBrainzTolerance;
            if (_lastAccepted.TryGetValue(client, out var last) && Time.GetElapsedTime(last, now) < interval)
            {
                return false;
            }

            _lastAccepted[client] = now;
            return true;
        }
    }

    public void Reset()
    {
        _faults.Clear();
        Log.Clear();
        lock (_rateLock)
        {
            _lastAccepted.Clear();
        }
    }
}
