namespace ListeningClub.Domain.Media;

/// <summary>A film or an album, cleaned and validated. Build one with <see cref="MediaFactory"/>.</summary>
public abstract record MediaItem
{
    public required string Title { get; init; }

    public int? Year { get; init; }

    public Uri? Link { get; init; }

    /// <summary>What a catalogue says about it, when it was chosen from one; null when nominated as typed.</summary>
    public CatalogueFacts? Catalogue { get; init; }

    public abstract MediaKind Kind { get; }

    /// <summary>
    /// The normalised identity: two nominations with the same key are the same film or album. A catalogue item's key
    /// carries its catalogue id (<see cref="IdentityKeys.WithCatalogue"/>); see <see cref="IdentityKeys.SameWork"/>.
    /// </summary>
    public string IdentityKey => IdentityKeys.WithCatalogue(TitleIdentityKey, Catalogue?.Id);

    /// <summary>The key from the title (and year or artist) alone.</summary>
    protected abstract string TitleIdentityKey { get; }

    /// <summary>How members see it named: "Title (Year)" or "Artist – Title (Year)". Not escaped for any chat format.</summary>
    public abstract string DisplayName { get; }

    protected string YearSuffix => Year is { } year ? $" ({year})" : "";
}

/// <summary>A film: title, optional year, optional director and link.</summary>
public sealed record Film : MediaItem
{
    public string? Director { get; init; }

    public override MediaKind Kind => MediaKind.Film;

    protected override string TitleIdentityKey => IdentityKeys.ForFilm(Title, Year);

    public override string DisplayName => Title + YearSuffix;
}

/// <summary>An album: title, artist, optional year and link.</summary>
public sealed record Album : MediaItem
{
    public required string Artist { get; init; }

    public override MediaKind Kind => MediaKind.Album;

    protected override string TitleIdentityKey => IdentityKeys.ForAlbum(Title, Artist);

    public override string DisplayName => $"{Artist} – {Title}{YearSuffix}";
}
