using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Fakes.Hosting;
using ListeningClub.Catalogue.Fakes.MusicBrainz.Lucene;
using ListeningClub.Catalogue.Fakes.Seed;

namespace ListeningClub.Catalogue.Fakes.MusicBrainz;

/// <summary>
/// MusicBrainz WS/2 under <c>/musicbrainz/ws/2</c>: release-group search (Lucene <c>query</c>, <c>limit</c> 1–100,
/// <c>offset</c>), release-group and release lookups with <c>inc</c> checked against the documented values. JSON only
/// with <c>fmt=json</c> or <c>Accept: application/json</c> (XML otherwise). The User-Agent and rate rules are in <see cref="FakePipeline"/>.
/// </summary>
public static class MusicBrainzRoutes
{
    private static readonly string[] ReleaseGroupIncludes = ["artists", "artist-credits", "releases", "media", "discids", "aliases", "annotation", "tags", "genres", "ratings", "url-rels", "artist-rels"];
    private static readonly string[] ReleaseIncludes = ["artists", "artist-credits", "labels", "recordings", "release-groups", "media", "discids", "isrcs", "aliases", "annotation", "tags", "genres", "url-rels"];

    public static void Map(IEndpointRouteBuilder app)
    {
        var ws = app.MapGroup("/musicbrainz/ws/2").AddEndpointFilter(async (context, next) =>
            WantsJson(context.HttpContext) ? await next(context).ConfigureAwait(false)
                : Results.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><metadata xmlns=\"http://musicbrainz.org/ns/mmd-2.0#\"/>", "application/xml"));

        ws.MapGet("/release-group", (HttpContext ctx, FakeState state) =>
        {
            var query = ctx.Request.Query["query"].ToString();
            if (string.IsNullOrWhiteSpace(query))
            {
                return FakeJson.Status(400, MusicBrainzJson.Error("You must specify a query."));
            }

            LuceneNode parsed;
            try
            {
                parsed = LuceneParser.Parse(query);
            }
            catch (LuceneSyntaxException e)
            {
                return FakeJson.Status(400, MusicBrainzJson.Error("Invalid query: " + e.Message));
            }

            var limit = Math.Clamp(Number(ctx, "limit") ?? 25, 1, 100);
            var offset = Math.Max(0, Number(ctx, "offset") ?? 0);
            var hits = state.Albums
                .Where(a => LuceneMatcher.Matches(parsed, field => Field(a, field), "releasegroup"))
                .Select(a => (Album: a, Score: Score(a, parsed)))
                .OrderByDescending(h => h.Score).ThenBy(h => h.Album.FirstReleaseDate, StringComparer.Ordinal)
                .ToList();
            return FakeJson.Ok(new JsonObject
            {
                ["created"] = state.Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["count"] = hits.Count,
                ["offset"] = offset,
                ["release-groups"] = FakeJson.Array(hits.Skip(offset).Take(limit).Select(h => (JsonNode?)MusicBrainzJson.SearchHit(h.Album, h.Score))),
            });
        });

        ws.MapGet("/release-group/{mbid}", (string mbid, HttpContext ctx, FakeState state) =>
        {
            if (Includes(ctx, "release-group", ReleaseGroupIncludes, out var inc) is { } bad)
            {
                return bad;
            }

            return !Guid.TryParseExact(mbid, "D", out var id) ? InvalidMbid()
                : state.Albums.FirstOrDefault(a => a.Id == id) is not { } album ? NotFound()
                : FakeJson.Ok(MusicBrainzJson.ReleaseGroup(album, inc.Contains("artist-credits") || inc.Contains("artists"), inc.Contains("releases"), inc.Contains("media")));
        });

        ws.MapGet("/release/{mbid}", (string mbid, HttpContext ctx, FakeState state) =>
        {
            if (Includes(ctx, "release", ReleaseIncludes, out var inc) is { } bad)
            {
                return bad;
            }

            if (!Guid.TryParseExact(mbid, "D", out var id))
            {
                return InvalidMbid();
            }

            var album = state.Albums.FirstOrDefault(a => a.Releases.Any(r => r.Id == id));
            return album is null ? NotFound()
                : FakeJson.Ok(MusicBrainzJson.Release(album, album.Releases.First(r => r.Id == id), inc.Contains("release-groups"), inc.Contains("artist-credits") || inc.Contains("artists"), inc.Contains("media") || inc.Contains("recordings")));
        });

        ws.MapFallback(() => NotFound());
    }

    /// <summary>The 503 MusicBrainz answers a client over its rate.</summary>
    public static IResult RateLimited() => FakeJson.Status(503, new JsonObject
    {
        ["error"] = "Your requests are exceeding the allowable rate limit. Please see https://wiki.musicbrainz.org/XMLWebService for more information.",
    });

    private static IResult NotFound() => FakeJson.Status(404, MusicBrainzJson.Error("Not Found"));

    private static IResult InvalidMbid() => FakeJson.Status(400, MusicBrainzJson.Error("Invalid mbid."));

    private static bool WantsJson(HttpContext ctx) =>
        ctx.Request.Query["fmt"] == "json" || ctx.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private static IResult? Includes(HttpContext ctx, string resource, string[] valid, out string[] inc)
    {
        inc = ctx.Request.Query["inc"].ToString().Split(['+', ' '], StringSplitOptions.RemoveEmptyEntries);
        var wrong = inc.FirstOrDefault(i => !valid.Contains(i));
        return wrong is null ? null : FakeJson.Status(400, MusicBrainzJson.Error($"{wrong} is not a valid inc parameter for the {resource} resource."));
    }

    private static int? Number(HttpContext ctx, string name) =>
        int.TryParse(ctx.Request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string[] Field(SeedAlbum album, string field) => field switch
    {
        "releasegroup" or "releasegroupaccent" => [album.Title],
        "release" or "releaseaccent" => [.. album.Releases.Select(r => r.Title)],
        "artist" or "artistname" or "creditname" => [album.CreditText, .. album.Credit.Select(c => c.Name), .. album.Credit.Select(c => c.SortName)],
        "primarytype" or "type" => [album.PrimaryType],
        "secondarytype" => album.SecondaryTypes,
        "firstreleasedate" => [album.FirstReleaseDate],
        "rgid" => [album.Id.ToString("D")],
        "reid" => [.. album.Releases.Select(r => r.Id.ToString("D"))],
        "arid" => [.. album.Credit.Select(c => c.ArtistId.ToString("D"))],
        "comment" => [album.Disambiguation],
        "status" => ["official"],
        _ => [],
    };

    /// <summary>100 when the title holds only the searched words; less for each extra word.</summary>
    private static int Score(SeedAlbum album, LuceneNode query)
    {
        var titleWords = LuceneMatcher.Words(album.Title);
        var searched = TitleTerms(query, inTitle: true).SelectMany(LuceneMatcher.Words).ToHashSet(StringComparer.Ordinal);
        var extra = titleWords.Count(w => !searched.Any(s => w.StartsWith(s, StringComparison.Ordinal)));
        return Math.Max(40, 100 - (10 * extra));
    }

    private static IEnumerable<string> TitleTerms(LuceneNode node, bool inTitle) => node switch
    {
        LuceneAnd a => TitleTerms(a.Left, inTitle).Concat(TitleTerms(a.Right, inTitle)),
        LuceneOr o => TitleTerms(o.Left, inTitle).Concat(TitleTerms(o.Right, inTitle)),
        LuceneField f => TitleTerms(f.Inner, f.Name is "releasegroup" or "releasegroupaccent"),
        LuceneTerm t when inTitle => [t.Text],
        LucenePhrase p when inTitle => [p.Text],
        _ => [],
    };
}
