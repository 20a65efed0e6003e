using ListeningClub.Catalogue;
using ListeningClub.Catalogue.Caching;
using ListeningClub.Catalogue.Links;
using ListeningClub.Catalogue.Model;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Benchmarks.Catalogue;

/// <summary>Where an autocomplete's answer came from, as seen at the bot's <see cref="ICatalogue"/>.</summary>
internal enum AnswerSource
{
    /// <summary>The search went out (its own request, or an identical one in flight it joined) and answered in time with matches.</summary>
    Network,

    /// <summary>The search went out and answered in time, with no match: only the typed text is offered.</summary>
    NetworkNoMatch,

    /// <summary>The search's answer was in memory already (or needed no request at all): completed without waiting.</summary>
    CacheExact,

    /// <summary>The search did not answer in time (budget, busy queue, outage); a cached search for the start of the text answered.</summary>
    CacheAfterGivingUp,

    /// <summary>The search did not answer in time and nothing usable was cached: only the typed text.</summary>
    TypedAfterGivingUp,

    /// <summary>Not searched (text shorter than 2, or the album queue's wait estimated at the budget or more); a cached search answered.</summary>
    CacheWithoutAsking,

    /// <summary>Not searched and nothing cached: only the typed text.</summary>
    TypedWithoutAsking,
}

/// <summary>
/// Wraps the bot's real <see cref="ICatalogue"/> and counts, per autocomplete, where its answer came from; forwards
/// everything unchanged. <c>TitleSuggestions</c> calls one search and, only when it was unavailable (or skipped),
/// <see cref="SearchCached"/>; so each autocomplete ends in exactly one counted event. A search that completes
/// synchronously found its answer in memory (the service awaits nothing on a cache hit; a request, or joining one in
/// flight, always completes later). Which search a <see cref="SearchCached"/> follows is carried in an
/// <see cref="AsyncLocal{T}"/> set by the (non-async) search wrapper, so it lands in the caller's flow.
/// </summary>
internal sealed class CountingCatalogue(ICatalogue inner) : ICatalogue
{
    private static readonly AsyncLocal<bool> SearchedInThisFlow = new();
    private readonly long[] _counts = new long[Enum.GetValues<AnswerSource>().Length];
    private readonly long[] _failures = new long[Enum.GetValues<CatalogueFailure>().Cast<int>().Max() + 1];

    public bool IsAvailable(CatalogueKind kind) => inner.IsAvailable(kind);

    public TimeSpan EstimatedAlbumWait => inner.EstimatedAlbumWait;

    public CatalogueCacheStatistics CacheStatistics => inner.CacheStatistics;

    /// <summary>Replaces the container's <see cref="ICatalogue"/> with this wrapper around it (also registered as itself).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(ICatalogue));
        services.Remove(original);
        services.AddSingleton(sp => new CountingCatalogue(original.ImplementationType is { } type
            ? (ICatalogue)ActivatorUtilities.CreateInstance(sp, type)
            : (ICatalogue)original.ImplementationFactory!(sp)));
        services.AddSingleton<ICatalogue>(sp => sp.GetRequiredService<CountingCatalogue>());
    }

    public long Count(AnswerSource source) => Interlocked.Read(ref _counts[(int)source]);

    public long GaveUp(CatalogueFailure failure) => Interlocked.Read(ref _failures[(int)failure]);

    public void ResetCounts()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            Interlocked.Exchange(ref _counts[i], 0);
        }

        for (var i = 0; i < _failures.Length; i++)
        {
            Interlocked.Exchange(ref _failures[i], 0);
        }
    }

    public Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> SearchFilmsAsync(string title, int? year, CancellationToken ct) => Observe(inner.SearchFilmsAsync(title, year, ct));

    public Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> SearchAlbumsAsync(string title, string? artist, CancellationToken ct) => Observe(inner.SearchAlbumsAsync(title, artist, ct));

    public Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> SearchAsync(CatalogueKind kind, string typed, CancellationToken ct) => Observe(inner.SearchAsync(kind, typed, ct));

    public IReadOnlyList<CatalogueItem> SearchCached(CatalogueKind kind, string typed)
    {
        var items = inner.SearchCached(kind, typed);
        var afterSearch = SearchedInThisFlow.Value;
        Add(items.Count > 0
            ? afterSearch ? AnswerSource.CacheAfterGivingUp : AnswerSource.CacheWithoutAsking
            : afterSearch ? AnswerSource.TypedAfterGivingUp : AnswerSource.TypedWithoutAsking);
        return items;
    }

    public Task<CatalogueResult<CatalogueItem>> GetAsync(CatalogueId id, CancellationToken ct) => inner.GetAsync(id, ct);

    public Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> ResolveLinkAsync(CatalogueLink link, CancellationToken ct) => inner.ResolveLinkAsync(link, ct);

    public ValueTask RememberAsync(CatalogueItem item, CancellationToken ct) => inner.RememberAsync(item, ct);

    /// <summary>Not async on purpose: the mark set here stays in the caller's flow for its <see cref="SearchCached"/>.</summary>
    private Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> Observe(Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> search)
    {
        SearchedInThisFlow.Value = true;
        return ClassifyAsync(search, inMemory: search.IsCompleted);
    }

    private async Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> ClassifyAsync(Task<CatalogueResult<IReadOnlyList<CatalogueItem>>> search, bool inMemory)
    {
        var result = await search.ConfigureAwait(false);
        Classify(result, inMemory);
        return result;
    }

    private void Classify(CatalogueResult<IReadOnlyList<CatalogueItem>> result, bool inMemory)
    {
        switch (result.Status)
        {
            case CatalogueStatus.Found when inMemory:
                Add(AnswerSource.CacheExact);
                break;
            case CatalogueStatus.Found:
                Add(result.Value!.Count > 0 ? AnswerSource.Network : AnswerSource.NetworkNoMatch);
                break;
            case CatalogueStatus.NotFound:
                Add(AnswerSource.NetworkNoMatch);
                break;
            default:
                // The suggestion falls back to SearchCached, which counts the answer; here only why.
                Interlocked.Increment(ref _failures[(int)result.Failure!.Value]);
                break;
        }
    }

    private void Add(AnswerSource source) => Interlocked.Increment(ref _counts[(int)source]);
}
