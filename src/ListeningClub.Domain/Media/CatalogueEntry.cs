namespace ListeningClub.Domain.Media;

/// <summary>
/// A catalogue's description of a film or album, kept in the store so a chosen item never needs the network again.
/// The club never reads it: <see cref="Json"/> is whatever the bot's catalogue adapter wrote, opaque here. It came from
/// outside, so it is bounded (<see cref="MaxJsonLength"/>), and it ages (<see cref="FetchedAt"/>): catalogues' terms
/// ask that stored data be refreshed.
/// </summary>
public sealed record CatalogueEntry
{
    /// <summary>The longest catalogue id kept (the same bound as <see cref="CatalogueFacts.MaxIdLength"/>).</summary>
    public const int MaxIdLength = CatalogueFacts.MaxIdLength;

    /// <summary>The longest description kept, in characters: many times a real film or album, far below what would hurt the store.</summary>
    public const int MaxJsonLength = 32 * 1024;

    /// <summary>The catalogue's id, e.g. <c>tmdb:348</c> or <c>musicbrainz:{release-group MBID}</c>: one entry per id.</summary>
    public required string CatalogueId { get; init; }

    /// <summary>The item as the adapter serialised it (opaque to the domain).</summary>
    public required string Json { get; init; }

    /// <summary>When the catalogue answered with it.</summary>
    public required DateTimeOffset FetchedAt { get; init; }

    /// <summary>An id of 1 to <see cref="MaxIdLength"/> characters and a description of 1 to <see cref="MaxJsonLength"/>: what a store keeps.</summary>
    public bool IsWithinLimits =>
        CatalogueId is { Length: > 0 and <= MaxIdLength } && Json is { Length: > 0 and <= MaxJsonLength };
}
