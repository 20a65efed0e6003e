using ListeningClub.Catalogue.Model;

namespace ListeningClub.Catalogue.Http;

/// <summary>One HTTP answer, interpreted: found (with the parsed body), not found, or unavailable (with why).</summary>
internal sealed record Fetched<T>(CatalogueStatus Status, T? Value, CatalogueFailure? Failure, string Detail, TimeSpan? RetryAfter = null)
    where T : class
{
    public static Fetched<T> Found(T value) => new(CatalogueStatus.Found, value, null, "");

    public static Fetched<T> NotFound(string detail) => new(CatalogueStatus.NotFound, null, null, detail);

    public static Fetched<T> Unavailable(CatalogueFailure failure, string detail, TimeSpan? retryAfter = null) =>
        new(CatalogueStatus.Unavailable, null, failure, detail, retryAfter);

    /// <summary>The member-facing result, with <paramref name="map"/> applied to a found value.</summary>
    public CatalogueResult<TResult> ToResult<TResult>(ServiceInfo service, Func<T, CatalogueResult<TResult>> map)
        where TResult : class => Status switch
        {
            CatalogueStatus.Found => map(Value!),
            CatalogueStatus.NotFound => CatalogueResult<TResult>.NotFound($"{service.Noun} has no such item."),
            _ => CatalogueResult<TResult>.Unavailable(Failure!.Value, service.MessageFor(Failure!.Value)),
        };
}
