using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ListeningClub.Catalogue.Model;

namespace ListeningClub.Catalogue.MusicBrainz;

/// <summary>A MusicBrainz release group (and, for a release link, its release) → <see cref="CatalogueItem"/>.</summary>
internal static partial class MusicBrainzMapper
{
    public static CatalogueItem? ToItem(MbReleaseGroup? group, DateTimeOffset now, bool detailed, MbRelease? release = null)
    {
        if (group is null || !Guid.TryParseExact(group.Id, "D", out var id) || id == Guid.Empty || CatalogueText.Line(group.Title) is not { } title)
        {
            return null;
        }

        var date = group.FirstReleaseDate is { } d && PartialDate().IsMatch(d) && int.Parse(d.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture) is >= 1000 and <= 2300 ? d : null;
        var tracks = release?.Media?.Sum(m => m?.TrackCount is > 0 and < 10_000 ? m.TrackCount.Value : 0);
        var tags = new List<string>();
        if (CatalogueText.Line(group.PrimaryType, 50) is { } primary)
        {
            tags.Add(primary);
        }

        tags.AddRange((group.SecondaryTypes ?? []).Select(t => CatalogueText.Line(t, 50)).OfType<string>());
        return new CatalogueItem
        {
            Id = CatalogueId.MusicBrainz(id),
            Title = title,
            Year = date is null ? null : int.Parse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture),
            ReleaseDate = date,
            Credit = Credit(group.ArtistCredit) ?? Credit(release?.ArtistCredit),
            TrackCount = tracks is > 0 ? tracks : null,
            Tags = tags,
            ExternalIds = new ExternalIds(MusicBrainzReleaseGroup: id),
            IsDetailed = detailed,
            FetchedAt = now,
        };
    }

    /// <summary>"Simon &amp; Garfunkel": each credited name followed by its join phrase.</summary>
    public static string? Credit(List<MbArtistCredit?>? credits)
    {
        if (credits is null || credits.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var credit in credits.Take(10))
        {
            text.Append(credit?.Name ?? credit?.Artist?.Name).Append(credit?.Joinphrase);
        }

        return CatalogueText.Line(text.ToString(), 200);
    }

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PartialDate();
}
