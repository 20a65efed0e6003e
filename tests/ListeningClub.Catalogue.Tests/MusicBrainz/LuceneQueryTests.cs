using CsCheck;
using ListeningClub.Catalogue.Fakes.MusicBrainz.Lucene;
using ListeningClub.Catalogue.MusicBrainz;

namespace ListeningClub.Catalogue.Tests.MusicBrainz;

public sealed class LuceneQueryTests
{
    private static readonly string[] Fragments =
    [
        "AND", "OR", "NOT", "&&", "||", "!", "(", ")", "{", "}", "[", "]", "^", "\"", "~", "*", "?", ":", "\\", "/", "+", "-",
        " ", "  ", "\t", "a", "Z", "é", "ö", "ß", "1", "ok", "computer", "releasegroup:", "artist:x", "\\\"", "*)", "\u200b", "日本",
    ];

    private static readonly Gen<string> UserText = Gen.OneOf<string>(
        Gen.OneOf(Fragments).Array[0, 14].Select(parts => string.Concat(parts)),
        Gen.String);

    [Fact]
    public void ReleaseGroupSearch_EscapesUserText_SoItNeverChangesTheQueryStructure()
    {
        Gen.Select(UserText, UserText).Sample((title, artist) =>
        {
            var query = LuceneQuery.ReleaseGroupSearch(title, artist, "album");
            var titleWords = LuceneQuery.Words(title);
            if (titleWords.Count == 0)
            {
                return query is null;
            }

            var parsed = LuceneParser.Parse(query!);
            var expected = Expected(titleWords, LuceneQuery.Words(artist));
            return parsed == expected;
        }, iter: 2_000);
    }

    [Fact]
    public void Escape_PrefixesEveryLuceneSpecialCharacter()
    {
        Assert.Equal(@"\+\-\&\|\!\(\)\{\}\[\]\^\""\~\*\?\:\\\/", LuceneQuery.Escape("+-&|!(){}[]^\"~*?:\\/"));
        Assert.Equal(@"ac\/dc", LuceneQuery.Escape("ac/dc"));
    }

    [Theory]
    [InlineData("OK Computer", "Radiohead", "releasegroup:(ok AND computer*) AND artist:(radiohead) AND primarytype:album")]
    [InlineData("\"Heroes\"", null, "releasegroup:(\\\"heroes\\\"*) AND primarytype:album")]
    [InlineData("Back in Black", "AC/DC", "releasegroup:(back AND in AND black*) AND artist:(ac\\/dc) AND primarytype:album")]
    [InlineData("ok AND NOT x", null, "releasegroup:(ok AND and AND not AND x) AND primarytype:album")]
    public void ReleaseGroupSearch_BuildsTheDocumentedFieldQuery(string title, string? artist, string expected) =>
        Assert.Equal(expected, LuceneQuery.ReleaseGroupSearch(title, artist, "album"));

    [Fact]
    public void ReleaseGroupSearch_WithNoSearchableWord_IsNull() => Assert.Null(LuceneQuery.ReleaseGroupSearch("( )", "Sigur Rós", "album"));

    private static LuceneAnd Expected(IReadOnlyList<string> title, IReadOnlyList<string> artist)
    {
        LuceneNode node = new LuceneField("releasegroup", Chain(title, prefixLast: true));
        if (artist.Count > 0)
        {
            node = new LuceneAnd(node, new LuceneField("artist", Chain(artist, prefixLast: false)));
        }

        return new LuceneAnd(node, new LuceneField("primarytype", new LuceneTerm("album", Prefix: false)));
    }

    private static LuceneNode Chain(IReadOnlyList<string> words, bool prefixLast)
    {
        LuceneNode? node = null;
        for (var i = 0; i < words.Count; i++)
        {
            var term = new LuceneTerm(words[i], prefixLast && i == words.Count - 1 && words[i].Length >= 3);
            node = node is null ? term : new LuceneAnd(node, term);
        }

        return node!;
    }
}
