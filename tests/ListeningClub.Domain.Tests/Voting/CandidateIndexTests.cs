using CsCheck;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Tests.Voting;

public sealed class CandidateIndexTests
{
    [Fact]
    public void TryGetIndex_FindsEveryCandidate_AndNothingElse()
    {
        var gen =
            from ids in Gen.String[Gen.Char["ab01-é"], 0, 10].Array[1, 40]
            from probes in Gen.String[Gen.Char["ab01-é"], 0, 10].Array[0, 40]
            select (ids: ids.Distinct(StringComparer.Ordinal).ToArray(), probes);

        gen.Sample((ids, probes) =>
        {
            var index = new CandidateIndex(ids);

            for (var i = 0; i < ids.Length; i++)
            {
                Assert.True(index.TryGetIndex(new string(ids[i]), out var found));
                Assert.Equal(i, found);
            }

            foreach (var probe in probes)
            {
                var expected = Array.IndexOf(ids, probe);
                Assert.Equal(expected >= 0, index.TryGetIndex(probe, out var found));
                if (expected >= 0)
                {
                    Assert.Equal(expected, found);
                }
            }
        }, iter: 2000);
    }

    [Fact]
    public void TypicalIds_UseTheFastTable()
    {
        string[] numbered = [.. Enumerable.Range(1, 20).Select(i => $"nomination-{i:D4}")];
        string[] ulids = [.. Enumerable.Range(0, 20).Select(i => $"01JD{i * 7919:D6}X{(char)('A' + i)}Q{i * 31 % 17:D2}")];
        string[] many = [.. Enumerable.Range(0, 100).Select(i => $"film-2026-{i:D2}")];

        Assert.True(new CandidateIndex(numbered).UsesSlots);
        Assert.True(new CandidateIndex(ulids).UsesSlots);
        Assert.True(new CandidateIndex(many).UsesSlots);
    }

    [Fact]
    public void IdsDifferingOnlyFarFromTheEnd_FallBackAndStillWork()
    {
        string[] ids = ["alpha-123456789", "bravo-123456789", "gamma-123456789"];

        var index = new CandidateIndex(ids);

        Assert.False(index.UsesSlots);
        Assert.True(index.TryGetIndex("bravo-123456789", out var found));
        Assert.Equal(1, found);
        Assert.False(index.TryGetIndex("delta-123456789", out _));
    }
}
