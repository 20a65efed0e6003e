using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Fakes.Hosting;
using ListeningClub.Catalogue.Fakes.MusicBrainz.Lucene;

namespace ListeningClub.Catalogue.Fakes.Tmdb;

/// <summary>
/// TMDB v3 under <c>/tmdb/3</c>: <c>/search/movie</c>, <c>/movie/{id}</c> (<c>append_to_response=credits</c>),
/// <c>/find/{external_id}?external_source=imdb_id</c>. Every route wants the <c>api_key</c> parameter or a Bearer
/// read access token; otherwise 401 with status_code 7. Unknown ids: 404 with status_code 34.
/// </summary>
public static class TmdbRoutes
{
    public const int PageSize = 20;

    public static void Map(IEndpointRouteBuilder app)
    {
        var tmdb = app.MapGroup("/tmdb/3").AddEndpointFilter(async (context, next) =>
            Authorised(context.HttpContext) ? await next(context).ConfigureAwait(false) : InvalidKey());

        tmdb.MapGet("/search/movie", (HttpContext ctx, FakeState state) =>
        {
            var query = ctx.Request.Query;
            var page = query["page"].Count == 0 ? 1 : int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 500 ? p : 0;
            if (page == 0)
            {
                return FakeJson.Status(400, TmdbJson.Error(22, "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer."));
            }

            int? year = int.TryParse(query["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
            var words = LuceneMatcher.Words(query["query"].ToString());
            var hits = words.Count == 0 ? [] : state.Films
                .Where(f => (year is null || f.Year == year) && (Matches(f.Title, words) || Matches(f.OriginalTitle, words)))
                .OrderByDescending(f => f.Popularity)
                .ToList();
            var body = new JsonObject
            {
                ["page"] = page,
                ["results"] = FakeJson.Array(hits.Skip((page - 1) * PageSize).Take(PageSize).Select(f => (JsonNode?)TmdbJson.ListItem(f))),
                ["total_pages"] = Math.Max(1, (hits.Count + PageSize - 1) / PageSize),
                ["total_results"] = hits.Count,
            };
            return FakeJson.Ok(body);
        });

        tmdb.MapGet("/movie/{id}", (string id, HttpContext ctx, FakeState state) =>
        {
            var film = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var movieId) ? state.Films.FirstOrDefault(f => f.TmdbId == movieId) : null;
            var append = ctx.Request.Query["append_to_response"].ToString().Split(',', StringSplitOptions.TrimEntries);
            return film is null ? NotFound() : FakeJson.Ok(TmdbJson.Details(film, withCredits: append.Contains("credits")));
        });

        tmdb.MapGet("/find/{externalId}", (string externalId, HttpContext ctx, FakeState state) =>
        {
            var source = ctx.Request.Query["external_source"].ToString();
            if (source is not ("imdb_id" or "facebook_id" or "instagram_id" or "tvdb_id" or "tiktok_id" or "twitter_id" or "wikidata_id" or "youtube_id"))
            {
                return FakeJson.Status(422, TmdbJson.Error(5, "Invalid parameters: Your request parameters are incorrect."));
            }

            var films = source == "imdb_id" ? state.Films.Where(f => f.ImdbId == externalId) : [];
            return FakeJson.Ok(new JsonObject
            {
                ["movie_results"] = FakeJson.Array(films.Select(f => (JsonNode?)TmdbJson.ListItem(f))),
                ["person_results"] = new JsonArray(),
                ["tv_results"] = new JsonArray(),
                ["tv_episode_results"] = new JsonArray(),
                ["tv_season_results"] = new JsonArray(),
            });
        });

        tmdb.MapFallback(NotFound);
    }

    public static IResult InvalidKey() => FakeJson.Status(401, TmdbJson.Error(7, "Invalid API key: You must be granted a valid key."));

    private static IResult NotFound() => FakeJson.Status(404, TmdbJson.Error(34, "The resource you requested could not be found."));

    private static bool Authorised(HttpContext ctx)
    {
        var settings = ctx.RequestServices.GetRequiredService<FakeState>().Settings;
        var key = ctx.Request.Query["api_key"].ToString();
        var authorization = ctx.Request.Headers.Authorization.ToString();
        return key == settings.TmdbApiKey || authorization == "Bearer " + settings.TmdbReadAccessToken;
    }

    /// <summary>Every typed word starts a word of the title ("ali" finds Alien), in any order.</summary>
    private static bool Matches(string title, List<string> words)
    {
        var titleWords = LuceneMatcher.Words(title);
        return words.All(w => titleWords.Any(t => t.StartsWith(w, StringComparison.Ordinal)));
    }
}
