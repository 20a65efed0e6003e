namespace ListeningClub.Catalogue.Tmdb;

// TMDB v3 answers as documented (developer.themoviedb.org): snake_case, most fields optional in practice.
// Every property is nullable so a missing field is a null we can judge, not a crash.

internal sealed record TmdbSearchPage(int? Page, List<TmdbMovie?>? Results, int? TotalPages, int? TotalResults);

/// <summary>A movie as search, find and details return it; details add runtime, imdb_id, genres and (appended) credits.</summary>
internal sealed record TmdbMovie(
    int? Id,
    string? Title,
    string? OriginalTitle,
    string? ReleaseDate,
    string? PosterPath,
    string? Overview,
    double? Popularity,
    bool? Adult,
    int? Runtime,
    string? ImdbId,
    List<TmdbGenre?>? Genres,
    TmdbCredits? Credits);

internal sealed record TmdbGenre(int? Id, string? Name);

internal sealed record TmdbCredits(List<TmdbCrewMember?>? Crew);

internal sealed record TmdbCrewMember(string? Name, string? Job, string? Department);

internal sealed record TmdbFindResult(List<TmdbMovie?>? MovieResults);
