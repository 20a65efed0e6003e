using System.Text.Json.Nodes;
using ListeningClub.Catalogue.Fakes.Hosting;
using ListeningClub.Catalogue.Fakes.Seed;

namespace ListeningClub.Catalogue.Fakes.Tmdb;

/// <summary>TMDB v3 shapes (developer.themoviedb.org): the movie list item, the details (+ credits) and the error body.</summary>
public static class TmdbJson
{
    private static readonly Dictionary<string, int> GenreIds = new(StringComparer.Ordinal)
    {
        ["Action"] = 28, ["Adventure"] = 12, ["Animation"] = 16, ["Comedy"] = 35, ["Crime"] = 80, ["Drama"] = 18, ["Family"] = 10751,
        ["Fantasy"] = 14, ["History"] = 36, ["Horror"] = 27, ["Mystery"] = 9648, ["Romance"] = 10749, ["Science Fiction"] = 878,
        ["Thriller"] = 53, ["War"] = 10752,
    };

    public static JsonObject ListItem(SeedFilm film) => new()
    {
        ["adult"] = false,
        ["backdrop_path"] = film.HasPoster ? "/" + SeedIds.Token("backdrop" + film.TmdbId, 27) + ".jpg" : null,
        ["genre_ids"] = new JsonArray([.. film.Genres.Select(g => (JsonNode?)GenreIds[g])]),
        ["id"] = film.TmdbId,
        ["original_language"] = film.OriginalTitle == film.Title ? "en" : "xx",
        ["original_title"] = film.OriginalTitle,
        ["overview"] = film.Overview,
        ["popularity"] = film.Popularity,
        ["poster_path"] = film.PosterPath,
        ["release_date"] = film.ReleaseDate,
        ["title"] = film.Title,
        ["video"] = false,
        ["vote_average"] = 7.5,
        ["vote_count"] = 1000 + film.TmdbId % 997,
    };

    public static JsonObject Details(SeedFilm film, bool withCredits)
    {
        var details = ListItem(film);
        details.Remove("genre_ids");
        details["belongs_to_collection"] = null;
        details["budget"] = 0;
        details["genres"] = FakeJson.Array(film.Genres.Select(g => (JsonNode?)new JsonObject { ["id"] = GenreIds[g], ["name"] = g }));
        details["homepage"] = "";
        details["imdb_id"] = film.ImdbId;
        details["revenue"] = 0;
        details["runtime"] = film.Runtime;
        details["status"] = "Released";
        details["tagline"] = "";
        if (withCredits)
        {
            details["credits"] = Credits(film);
        }

        return details;
    }

    public static JsonObject Error(int code, string message) => new() { ["success"] = false, ["status_code"] = code, ["status_message"] = message };

    private static JsonObject Credits(SeedFilm film)
    {
        var cast = film.Cast.Select((name, order) => (JsonNode?)new JsonObject
        {
            ["adult"] = false, ["gender"] = 0, ["id"] = 10_000 + order, ["known_for_department"] = "Acting", ["name"] = name, ["original_name"] = name,
            ["popularity"] = 10.0, ["profile_path"] = null, ["cast_id"] = order + 1, ["character"] = "", ["credit_id"] = SeedIds.Token("cast" + name, 24), ["order"] = order,
        });
        var crew = film.Directors.Select(name => Crew(name, "Directing", "Director"))
            .Append(Crew("Jane Producer", "Production", "Producer"))
            .Append(Crew("Sam Editor", "Editing", "Editor"));
        return new JsonObject { ["id"] = film.TmdbId, ["cast"] = FakeJson.Array(cast), ["crew"] = FakeJson.Array(crew) };
    }

    private static JsonObject Crew(string name, string department, string job) => new()
    {
        ["adult"] = false, ["gender"] = 0, ["id"] = 20_000 + name.Length, ["known_for_department"] = department, ["name"] = name, ["original_name"] = name,
        ["popularity"] = 5.0, ["profile_path"] = null, ["credit_id"] = SeedIds.Token("crew" + name + job, 24), ["department"] = department, ["job"] = job,
    };
}
