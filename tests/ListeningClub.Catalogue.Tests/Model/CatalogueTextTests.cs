using ListeningClub.Catalogue.Model;
using ListeningClub.Catalogue.Search;

namespace ListeningClub.Catalogue.Tests.Model;

public sealed class CatalogueTextTests
{
    [Theory]
    [InlineData("  Alien  ", "Alien")]
    [InlineData("Ali\u0000en\u0007", "Alien")]
    [InlineData("Alien\r\n(1979)", "Alien (1979)")]
    [InlineData("\u202EnEila\u202C", "nEila")]
    [InlineData("M*A*S*H", "M*A*S*H")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Line_DropsControlCharacters_AndCollapsesWhitespace_ButEscapesNothing(string? raw, string? expected) =>
        Assert.Equal(expected, CatalogueText.Line(raw));

    /// <summary>Text Unicode normalisation refuses would throw wherever titles are compared (identity keys).</summary>
    [Fact]
    public void Line_DropsNoncharactersAndUnpairedSurrogates_AndTheResultNormalises()
    {
        var cleaned = CatalogueText.Line("Ali\uFFFEen\uD800 \uFDD0(1979)\U0010FFFF \U0001F47D")!;

        Assert.Equal("Alien (1979) \U0001F47D", cleaned);
        Assert.Equal(cleaned, cleaned.Normalize(System.Text.NormalizationForm.FormKD).Normalize(System.Text.NormalizationForm.FormKC));
    }

    [Fact]
    public void Paragraph_KeepsLineBreaks_AndBoundsTheLength()
    {
        Assert.Equal("One.\nTwo.", CatalogueText.Paragraph("One.\r\n\r\n\tTwo.\u0001"));
        var cut = CatalogueText.Paragraph(new string('a', 5_000))!;
        Assert.Equal(CatalogueText.MaxSynopsisLength, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alien (1979)", CatalogueKind.Film, "Alien", 1979, null)]
    [InlineData("Alien (1979) — Ridley Scott", CatalogueKind.Film, "Alien", 1979, "Ridley Scott")]
    [InlineData("Mission: Impossible - Fallout", CatalogueKind.Film, "Mission: Impossible - Fallout", null, null)]
    [InlineData("Blade Runner 2049", CatalogueKind.Film, "Blade Runner 2049", null, null)]
    [InlineData("1917", CatalogueKind.Film, "1917", null, null)]
    [InlineData("OK Computer - Radiohead", CatalogueKind.Album, "OK Computer", null, "Radiohead")]
    [InlineData("OK Computer (1997) — Radiohead", CatalogueKind.Album, "OK Computer", 1997, "Radiohead")]
    [InlineData("Jay-Z", CatalogueKind.Album, "Jay-Z", null, null)]
    public void TypedQuery_SplitsTitleYearAndCredit(string typed, CatalogueKind kind, string title, int? year, string? credit) =>
        Assert.Equal(new TypedQuery(title, year, credit), TypedQuery.Parse(typed, kind));

    [Fact]
    public void Label_IsTitleYearAndCredit()
    {
        var item = new CatalogueItem { Id = CatalogueId.Tmdb(348), Title = "Alien", Year = 1979, Credit = "Ridley Scott", ExternalIds = new ExternalIds() };
        Assert.Equal("Alien (1979) — Ridley Scott", item.Label);
        Assert.Equal(new TypedQuery("Alien", 1979, "Ridley Scott"), TypedQuery.Parse(item.Label, CatalogueKind.Film));
    }

    [Theory]
    [InlineData("tmdb:348")]
    [InlineData("musicbrainz:b1392450-e666-3926-a536-22c65f834433")]
    public void CatalogueId_RoundTripsThroughText(string text)
    {
        Assert.True(CatalogueId.TryParse(text, out var id));
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("tmdb:0")]
    [InlineData("tmdb:-1")]
    [InlineData("imdb:tt0078748")]
    [InlineData("musicbrainz:nope")]
    [InlineData("348")]
    public void CatalogueId_RejectsOtherText(string text) => Assert.False(CatalogueId.TryParse(text, out _));
}
