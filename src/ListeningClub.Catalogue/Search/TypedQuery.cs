using System.Globalization;
using System.Text.RegularExpressions;
using ListeningClub.Catalogue.Model;

namespace ListeningClub.Catalogue.Search;

/// <summary>
/// What a member typed, split into searchable parts: <c>Alien (1979)</c> → title "Alien", year 1979;
/// <c>OK Computer — Radiohead</c> → title and artist. A choice label (<see cref="CatalogueItem.Label"/>) parses back
/// to its title, year and credit. Films split only at an em dash (titles such as "Mission: Impossible - Fallout"
/// keep their hyphen); albums also at " – " and " - ".
/// </summary>
public sealed partial record TypedQuery(string Title, int? Year, string? Credit)
{
    public static TypedQuery Parse(string? text, CatalogueKind kind)
    {
        var clean = CatalogueText.Line(text, 300) ?? "";
        string? credit = null;
        var dash = (kind == CatalogueKind.Film ? FilmCreditSeparator() : AlbumCreditSeparator()).Match(clean);
        if (dash.Success && dash.Index > 0)
        {
            credit = CatalogueText.Line(clean[(dash.Index + dash.Length)..]);
            clean = clean[..dash.Index].Trim();
        }

        int? year = null;
        var paren = YearSuffix().Match(clean);
        if (paren.Success && paren.Index > 0)
        {
            var y = int.Parse(paren.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            if (y is >= 1870 and <= 2200)
            {
                year = y;
                clean = clean[..paren.Index].Trim();
            }
        }

        return new TypedQuery(clean, year, credit);
    }

    /// <summary>The cache key form: lower-case, single spaces.</summary>
    public string Key => string.Join(' ', Title.ToLower(CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        + (Year is { } y ? string.Create(CultureInfo.InvariantCulture, $"|{y}") : "")
        + (Credit is { } c ? "|" + c.ToLower(CultureInfo.InvariantCulture) : "");

    [GeneratedRegex(@"\s+—\s+", RegexOptions.CultureInvariant)]
    private static partial Regex FilmCreditSeparator();

    // " — Radiohead", " – Radiohead", " - Radiohead" (spaces required, so "Jay-Z" stays whole)
    [GeneratedRegex(@"\s+[—–-]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex AlbumCreditSeparator();

    [GeneratedRegex(@"\s*[\(\[](?<year>\d{4})[\)\]]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex YearSuffix();
}
