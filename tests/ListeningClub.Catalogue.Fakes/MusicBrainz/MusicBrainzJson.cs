using System.Text.Json.Nodes;
using ListeningClub.Catalogue.Fakes.Hosting;
using ListeningClub.Catalogue.Fakes.Seed;

namespace ListeningClub.Catalogue.Fakes.MusicBrainz;

/// <summary>MusicBrainz WS/2 JSON shapes (kebab-case): release groups in search and lookup, releases, artist credits, errors.</summary>
public static class MusicBrainzJson
{
    public const string Help = "For usage, please see: https://musicbrainz.org/development/mmd";

    private static readonly Dictionary<string, string> TypeIds = new(StringComparer.Ordinal)
    {
        ["Album"] = "f529b476-6e62-324f-b0aa-1f3e33d313fc", ["Single"] = "d6038452-8ee0-3f68-affc-2de9a1ede0b9", ["EP"] = "6d0c5bf6-7a33-3420-a519-44fc63eedebf",
        ["Live"] = "6fd474e2-6b58-3102-9d17-d6f7eb7da0a0", ["Compilation"] = "dd2a21e1-0c00-3729-a7a0-de60b84eb5d1",
    };

    public static JsonObject SearchHit(SeedAlbum album, int score)
    {
        var hit = new JsonObject
        {
            ["id"] = album.Id.ToString("D"),
            ["type-id"] = TypeIds[album.PrimaryType],
            ["score"] = score,
            ["primary-type-id"] = TypeIds[album.PrimaryType],
            ["count"] = album.Releases.Length,
            ["title"] = album.Title,
            ["first-release-date"] = album.FirstReleaseDate,
            ["primary-type"] = album.PrimaryType,
        };
        if (album.SecondaryTypes.Length > 0)
        {
            hit["secondary-types"] = FakeJson.Strings(album.SecondaryTypes);
            hit["secondary-type-ids"] = FakeJson.Strings(album.SecondaryTypes.Select(t => TypeIds[t]));
        }

        hit["artist-credit"] = Credit(album.Credit);
        hit["releases"] = FakeJson.Array(album.Releases.Select(r => (JsonNode?)new JsonObject
        {
            ["id"] = r.Id.ToString("D"), ["status-id"] = "4e304316-386d-3409-af2e-78857eec5cfe", ["title"] = r.Title, ["status"] = "Official",
        }));
        hit["tags"] = new JsonArray();
        return hit;
    }

    public static JsonObject ReleaseGroup(SeedAlbum album, bool artistCredits, bool releases, bool media)
    {
        var group = new JsonObject
        {
            ["id"] = album.Id.ToString("D"),
            ["title"] = album.Title,
            ["disambiguation"] = album.Disambiguation,
            ["first-release-date"] = album.FirstReleaseDate,
            ["primary-type"] = album.PrimaryType,
            ["primary-type-id"] = TypeIds[album.PrimaryType],
            ["secondary-types"] = FakeJson.Strings(album.SecondaryTypes),
            ["secondary-type-ids"] = FakeJson.Strings(album.SecondaryTypes.Select(t => TypeIds[t])),
        };
        if (artistCredits)
        {
            group["artist-credit"] = Credit(album.Credit);
        }

        if (releases)
        {
            group["releases"] = FakeJson.Array(album.Releases.Select(r => (JsonNode?)Release(album, r, withGroup: false, artistCredits: false, media)));
        }

        return group;
    }

    public static JsonObject Release(SeedAlbum album, SeedRelease release, bool withGroup, bool artistCredits, bool media)
    {
        var body = new JsonObject
        {
            ["id"] = release.Id.ToString("D"),
            ["title"] = release.Title,
            ["status"] = "Official",
            ["status-id"] = "4e304316-386d-3409-af2e-78857eec5cfe",
            ["date"] = release.Date,
            ["country"] = release.Country,
            ["barcode"] = "",
            ["disambiguation"] = "",
            ["quality"] = "normal",
            ["packaging"] = null,
        };
        if (artistCredits)
        {
            body["artist-credit"] = Credit(album.Credit);
        }

        if (media)
        {
            body["media"] = FakeJson.Array(release.TrackCounts.Select((count, i) => (JsonNode?)new JsonObject
            {
                ["position"] = i + 1, ["title"] = "", ["format"] = release.Format, ["format-id"] = null, ["track-count"] = count,
            }));
        }

        if (withGroup)
        {
            body["release-group"] = ReleaseGroup(album, artistCredits: false, releases: false, media: false);
        }

        return body;
    }

    public static JsonObject Error(string message) => new() { ["error"] = message, ["help"] = Help };

    private static JsonArray Credit(IEnumerable<SeedCredit> credit) => FakeJson.Array(credit.Select(c => (JsonNode?)new JsonObject
    {
        ["name"] = c.Name,
        ["joinphrase"] = c.JoinPhrase,
        ["artist"] = new JsonObject { ["id"] = c.ArtistId.ToString("D"), ["name"] = c.Name, ["sort-name"] = c.SortName, ["disambiguation"] = "" },
    }));
}
