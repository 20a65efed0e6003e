namespace ListeningClub.Catalogue.MusicBrainz;

// MusicBrainz WS/2 JSON (fmt=json) as documented: kebab-case names, optional fields. All nullable so a missing
// field is judged, not a crash; a field of the wrong type fails the parse (a bad response).

internal sealed record MbSearchResult(string? Created, int? Count, int? Offset, List<MbReleaseGroup?>? ReleaseGroups);

internal sealed record MbReleaseGroup(
    string? Id,
    int? Score,
    string? Title,
    string? PrimaryType,
    List<string?>? SecondaryTypes,
    string? FirstReleaseDate,
    string? Disambiguation,
    List<MbArtistCredit?>? ArtistCredit,
    List<MbRelease?>? Releases);

internal sealed record MbArtistCredit(string? Name, string? Joinphrase, MbArtist? Artist);

internal sealed record MbArtist(string? Id, string? Name, string? SortName);

internal sealed record MbRelease(string? Id, string? Title, string? Date, string? Status, List<MbMedium?>? Media, MbReleaseGroup? ReleaseGroup, List<MbArtistCredit?>? ArtistCredit);

internal sealed record MbMedium(int? Position, string? Format, int? TrackCount);
