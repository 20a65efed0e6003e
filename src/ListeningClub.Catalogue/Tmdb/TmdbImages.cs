using System.Text.RegularExpressions;

namespace ListeningClub.Catalogue.Tmdb;

/// <summary>Builds TMDB image URLs: <c>https://image.tmdb.org/t/p/{size}{file_path}</c>.</summary>
public static partial class TmdbImages
{
    /// <summary>The sizes TMDB serves posters in.</summary>
    public static IReadOnlyList<string> PosterSizes { get; } = ["w92", "w154", "w185", "w342", "w500", "w780", "original"];

    /// <summary>
    /// The poster URL, or null when there is no poster or the path is not a plain <c>/file.ext</c> (a garbage
    /// path never becomes a URL somewhere else).
    /// </summary>
    public static Uri? PosterUrl(string imageBaseUrl, string size, string? posterPath)
    {
        ArgumentNullException.ThrowIfNull(imageBaseUrl);
        if (posterPath is null || !FilePath().IsMatch(posterPath) || !PosterSizes.Contains(size))
        {
            return null;
        }

        return Uri.TryCreate(imageBaseUrl.TrimEnd('/') + "/" + size + posterPath, UriKind.Absolute, out var uri) ? uri : null;
    }

    [GeneratedRegex(@"^/[A-Za-z0-9_\-]{1,100}\.(?:jpg|jpeg|png|webp|svg)$", RegexOptions.CultureInvariant)]
    private static partial Regex FilePath();
}
