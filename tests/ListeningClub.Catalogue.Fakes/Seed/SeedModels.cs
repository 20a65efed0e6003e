using System.Security.Cryptography;
using System.Text;

namespace ListeningClub.Catalogue.Fakes.Seed;

/// <summary>A seeded film: the facts TMDB's search, details (with credits) and find answers are built from.</summary>
public sealed record SeedFilm(
    int TmdbId,
    string? ImdbId,
    string Title,
    string OriginalTitle,
    string ReleaseDate,
    int Runtime,
    string[] Directors,
    string[] Genres,
    double Popularity,
    string Overview,
    string[] Cast,
    bool HasPoster = true)
{
    /// <summary>A TMDB-looking poster path (<c>/aBc…xyz.jpg</c>), stable per film; null when the film has none.</summary>
    public string? PosterPath => HasPoster ? "/" + SeedIds.Token("poster" + TmdbId, 27) + ".jpg" : null;

    public int? Year => ReleaseDate.Length >= 4 ? int.Parse(ReleaseDate[..4], System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>A credited artist: name as credited, the artist's MBID and sort name, the join phrase after it.</summary>
public sealed record SeedCredit(string Name, string SortName, string JoinPhrase = "")
{
    public Guid ArtistId => Name == "Radiohead" ? Guid.Parse("a74b1b7f-71a5-4011-9441-d0b5e4122711") : SeedIds.Mbid("artist:" + Name);
}

/// <summary>One release (edition) of a release group; <see cref="TrackCounts"/> has one number per medium.</summary>
public sealed record SeedRelease(Guid Id, string Title, string Date, string Country, string Format, int[] TrackCounts);

/// <summary>A seeded release group with its artist credit, releases and whether the Cover Art Archive has a front cover.</summary>
public sealed record SeedAlbum(
    Guid Id,
    string Title,
    string PrimaryType,
    string[] SecondaryTypes,
    string FirstReleaseDate,
    SeedCredit[] Credit,
    SeedRelease[] Releases,
    bool HasCover,
    string Disambiguation = "")
{
    public string CreditText => string.Concat(Credit.Select(c => c.Name + c.JoinPhrase));
}

/// <summary>Stable, real-looking ids for the seed (MBIDs, poster file names), derived from a name.</summary>
public static class SeedIds
{
    public static Guid Mbid(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed))[..16];
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }

    public static string Token(string seed, int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return string.Concat(Enumerable.Range(0, length).Select(i => Alphabet[hash[i % hash.Length] % Alphabet.Length]));
    }
}
