namespace ListeningClub.Catalogue.Fakes.Seed;

/// <summary>
/// Release groups as MusicBrainz knows them (titles, artists, dates and track counts are real; most MBIDs are
/// stable stand-ins). Same title by different artists (Blue), same title and artist in different years (Weezer),
/// titles and names with Lucene characters ("Heroes", ( ), AC/DC, DAMN.), diacritics (Björk, Sigur Rós), a joined
/// credit (Simon &amp; Garfunkel), live and compilation secondary types, a single and an EP, and groups without a cover.
/// </summary>
public static class SeedAlbums
{
    public static IReadOnlyList<SeedAlbum> All { get; } =
    [
        Album("OK Computer", "1997-05-21", [new("Radiohead", "Radiohead")], 12, id: "b1392450-e666-3926-a536-22c65f834433"),
        Album("Kid A", "2000-10-02", [new("Radiohead", "Radiohead")], 10),
        Album("In Rainbows", "2007-10-10", [new("Radiohead", "Radiohead")], 10),
        Album("Creep", "1992-09-21", [new("Radiohead", "Radiohead")], 3, type: "Single"),
        Album("My Iron Lung", "1994-09-26", [new("Radiohead", "Radiohead")], 6, type: "EP", cover: false),
        Album("Blue", "1971-06-22", [new("Joni Mitchell", "Mitchell, Joni")], 10),
        Album("Blue", "1996-07-09", [new("LeAnn Rimes", "Rimes, LeAnn")], 11, cover: false),
        Album("Weezer", "1994-05-10", [new("Weezer", "Weezer")], 10, disambiguation: "Blue Album"),
        Album("Weezer", "2001-05-15", [new("Weezer", "Weezer")], 10, disambiguation: "Green Album"),
        Album("Rumours", "1977-02-04", [new("Fleetwood Mac", "Fleetwood Mac")], 11),
        Album("Nevermind", "1991-09-24", [new("Nirvana", "Nirvana")], 13),
        Album("Kind of Blue", "1959-08-17", [new("Miles Davis", "Davis, Miles")], 5),
        Album("Blackstar", "2016-01-08", [new("David Bowie", "Bowie, David")], 7),
        Album("Low", "1977-01-14", [new("David Bowie", "Bowie, David")], 11),
        Album("\"Heroes\"", "1977-10-14", [new("David Bowie", "Bowie, David")], 10),
        Album("Back in Black", "1980-07-25", [new("AC/DC", "AC/DC")], 10),
        Album("( )", "2002-10-28", [new("Sigur Rós", "Sigur Rós")], 8),
        Album("Vespertine", "2001-08-27", [new("Björk", "Björk")], 12),
        Album("Homogenic", "1997-09-22", [new("Björk", "Björk")], 10),
        Album("The Velvet Underground & Nico", "1967-03-12", [new("The Velvet Underground", "Velvet Underground, The", " & "), new("Nico", "Nico")], 11),
        Album("Bridge over Troubled Water", "1970-01-26", [new("Simon", "Simon, Paul", " & "), new("Garfunkel", "Garfunkel, Art")], 11),
        Album("Illmatic", "1994-04-19", [new("Nas", "Nas")], 10),
        Album("To Pimp a Butterfly", "2015-03-15", [new("Kendrick Lamar", "Lamar, Kendrick")], 16),
        Album("DAMN.", "2017-04-14", [new("Kendrick Lamar", "Lamar, Kendrick")], 14),
        Album("Random Access Memories", "2013-05-17", [new("Daft Punk", "Daft Punk")], 13),
        Album("Homework", "1997-01-20", [new("Daft Punk", "Daft Punk")], 16),
        Album("Currents", "2015-07-17", [new("Tame Impala", "Tame Impala")], 13),
        Album("Is This It", "2001-07-30", [new("The Strokes", "Strokes, The")], 11),
        Album("Blonde", "2016-08-20", [new("Frank Ocean", "Ocean, Frank")], 17),
        Album("Animals", "1977-01-21", [new("Pink Floyd", "Pink Floyd")], 5),
        Album("Live at Leeds", "1970-05-16", [new("The Who", "Who, The")], 6, secondary: ["Live"]),
        Album("Greatest Hits", "1981-10-26", [new("Queen", "Queen")], 17, secondary: ["Compilation"], cover: false),
    ];

    private static SeedAlbum Album(string title, string date, SeedCredit[] credit, int tracks, string type = "Album", string[]? secondary = null, bool cover = true, string disambiguation = "", string? id = null)
    {
        var seed = title + "|" + date + "|" + credit[0].Name;
        var releases = new[]
        {
            new SeedRelease(SeedIds.Mbid("release:1:" + seed), title, date, "GB", "CD", [tracks]),
            new SeedRelease(SeedIds.Mbid("release:2:" + seed), title, date[..4], "US", "12\" Vinyl", tracks > 8 ? [tracks / 2, tracks - (tracks / 2)] : [tracks]),
        };
        return new SeedAlbum(id is null ? SeedIds.Mbid("release-group:" + seed) : Guid.Parse(id), title, type, secondary ?? [], date, credit, releases, cover, disambiguation);
    }
}
