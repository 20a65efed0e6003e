using System.Text.Json.Nodes;
using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Fakes.Hosting;
using ListeningClub.Catalogue.Fakes.Seed;

namespace ListeningClub.Catalogue.Fakes.CoverArt;

/// <summary>
/// The Cover Art Archive under <c>/coverart</c>: <c>/release-group/{mbid}/front</c> (and <c>-250</c>, <c>-500</c>,
/// <c>-1200</c>) answers 307 to the image when the group has a front cover, 404 when not; <c>/release-group/{mbid}</c>
/// answers the image list JSON of the release it took the cover from. A malformed MBID is 400.
/// </summary>
public static class CoverArtRoutes
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var caa = app.MapGroup("/coverart");

        caa.MapMethods("/release-group/{mbid}/{image}", ["GET", "HEAD"], (string mbid, string image, FakeState state) =>
        {
            if (!Guid.TryParseExact(mbid, "D", out var id))
            {
                return Results.Text("Invalid UUID", "text/plain", statusCode: 400);
            }

            var size = image switch { "front" => "", "front-250" => "_thumb250", "front-500" => "_thumb500", "front-1200" => "_thumb1200", _ => null };
            var album = state.Albums.FirstOrDefault(a => a.Id == id);
            if (size is null || album is not { HasCover: true })
            {
                return Results.Text("No cover art found for release group " + mbid, "text/plain", statusCode: 404);
            }

            var release = album.Releases[0].Id.ToString("D");
            return Results.Redirect($"https://archive.org/download/mbid-{release}/mbid-{release}-{ImageId(album)}{size}.jpg", permanent: false, preserveMethod: true);
        });

        caa.MapGet("/release-group/{mbid}", (string mbid, FakeState state) =>
        {
            if (!Guid.TryParseExact(mbid, "D", out var id))
            {
                return Results.Text("Invalid UUID", "text/plain", statusCode: 400);
            }

            if (state.Albums.FirstOrDefault(a => a.Id == id) is not { HasCover: true } album)
            {
                return Results.Text("No cover art found for release group " + mbid, "text/plain", statusCode: 404);
            }

            var release = album.Releases[0].Id.ToString("D");
            var image = $"http://coverartarchive.org/release/{release}/{ImageId(album)}";
            return FakeJson.Ok(new JsonObject
            {
                ["images"] = new JsonArray(new JsonObject
                {
                    ["approved"] = true, ["back"] = false, ["comment"] = "", ["edit"] = 12345678, ["front"] = true, ["id"] = ImageId(album),
                    ["image"] = image + ".jpg",
                    ["thumbnails"] = new JsonObject
                    {
                        ["250"] = image + "-250.jpg", ["500"] = image + "-500.jpg", ["1200"] = image + "-1200.jpg", ["large"] = image + "-500.jpg", ["small"] = image + "-250.jpg",
                    },
                    ["types"] = new JsonArray("Front"),
                }),
                ["release"] = "https://musicbrainz.org/release/" + release,
            });
        });
    }

    private static long ImageId(SeedAlbum album) => 10_000_000_000L + Math.Abs(album.Id.GetHashCode() % 1_000_000_000L);
}
