using System.Collections.Concurrent;
using ListeningClub.Application.History;
using ListeningClub.Bot.Rendering.Charts;
using ListeningClub.Domain.Voting;
using Microsoft.Extensions.Caching.Memory;

namespace ListeningClub.Bot.Features.Archive;

/// <summary>
/// The pictures on a pick's page: the count and the revealed ratings, drawn by the same charts as the Discord messages.
/// Drawing one costs tens of milliseconds of CPU, and neither changes once it exists (a count after the announcement,
/// ratings after the reveal), so each is drawn once and kept: at most <see cref="Kept"/> pictures (about 60 KB each),
/// least recently used out first. Readers asking for a picture being drawn wait for that drawing rather than start another.
/// </summary>
internal sealed class ArchivePictures : IDisposable
{
    public const int Kept = 64;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Kept });
    private readonly ConcurrentDictionary<string, Lazy<ChartPicture?>> _drawing = new(StringComparer.Ordinal);

    /// <summary>The count's picture; <paramref name="count"/> (a recount from the store) is asked for only when the picture is not kept yet.</summary>
    public async Task<ChartPicture?> ResultAsync(TrackHistory track, CycleHistory cycle, Func<Task<TallyResult?>> count)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(count);
        var key = $"result:{cycle.Cycle.Id}:{track.Track.Name}";
        if (_cache.TryGetValue(key, out ChartPicture? kept))
        {
            return kept;
        }

        return await count().ConfigureAwait(false) is { } tally
            ? Cached(key, () => ResultChart.Render(tally, NamesOf(cycle), $"{track.Track.Name}: {cycle.Pick!.Media.DisplayName}"))
            : null;
    }

    public ChartPicture? Ratings(TrackHistory track, CycleHistory cycle)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        return cycle.Ratings is null ? null : Cached($"ratings:{cycle.Cycle.Id}:{track.Track.Name}:{cycle.Ratings.Count}", () => RatingsChart.Render(track, cycle));
    }

    /// <summary>A candidate id's name in <paramref name="cycle"/> (a withdrawn one's too: it may have had votes in early rounds).</summary>
    public static Func<string, string> NamesOf(CycleHistory cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var names = cycle.Nominations.GroupBy(n => n.CandidateId).ToDictionary(g => g.Key, g => g.First().Media.DisplayName, StringComparer.Ordinal);
        return id => names.GetValueOrDefault(id, id);
    }

    public void Dispose() => _cache.Dispose();

    private ChartPicture? Cached(string key, Func<ChartPicture?> draw)
    {
        if (_cache.TryGetValue(key, out ChartPicture? kept))
        {
            return kept;
        }

        var drawing = _drawing.GetOrAdd(key, _ => new Lazy<ChartPicture?>(draw, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            var picture = drawing.Value;
            _cache.Set(key, picture, new MemoryCacheEntryOptions { Size = 1 });
            return picture;
        }
        finally
        {
            _drawing.TryRemove(new KeyValuePair<string, Lazy<ChartPicture?>>(key, drawing));
        }
    }
}
