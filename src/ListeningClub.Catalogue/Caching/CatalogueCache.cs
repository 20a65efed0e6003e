using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Options;

namespace ListeningClub.Catalogue.Caching;

/// <summary>
/// Searches and items in memory (Microsoft.Extensions.Caching.Memory, its own instance): each entry expires after its
/// TTL on the injected clock, and the whole is bounded by <see cref="CatalogueCacheOptions.MaxEntries"/>.
/// </summary>
public sealed class CatalogueCache : IDisposable
{
    private readonly MemoryCache _cache;
    private long _hits;
    private long _misses;

    public CatalogueCache(IOptions<CatalogueCacheOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = options.Value.MaxEntries,
            Clock = new Clock(time),
            CompactionPercentage = 0.1,
            ExpirationScanFrequency = TimeSpan.FromMinutes(1),
        });
    }

    public CatalogueCacheStatistics Statistics => new(Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), _cache.Count);

    internal bool TryGet<T>(string key, out T value)
        where T : class
    {
        if (_cache.TryGetValue(key, out var found) && found is T typed)
        {
            Interlocked.Increment(ref _hits);
            value = typed;
            return true;
        }

        Interlocked.Increment(ref _misses);
        value = null!;
        return false;
    }

    /// <summary>Looks without counting a hit or a miss (the autocomplete fallback probes many keys).</summary>
    internal bool Peek<T>(string key, out T value)
        where T : class
    {
        var found = _cache.TryGetValue(key, out var entry) && entry is T;
        value = found ? (T)entry! : null!;
        return found;
    }

    internal void Set<T>(string key, T value, TimeSpan ttl)
        where T : class =>
        _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = ttl });

    public void Dispose() => _cache.Dispose();

    private sealed class Clock(TimeProvider time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}

/// <summary>Cache lookups that found an entry, lookups that did not, and entries held now.</summary>
public sealed record CatalogueCacheStatistics(long Hits, long Misses, long Entries)
{
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
