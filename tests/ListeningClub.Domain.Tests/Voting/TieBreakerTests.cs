using CsCheck;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Tests.Voting;

public sealed class TieBreakerTests
{
    private static readonly string[] Ids = ["nom-alpha", "nom-bravo", "nom-charlie", "nom-delta", "nom-echo", "Émile"];

    [Fact]
    public void Order_KnownAnswer_MatchesHmacSha256ComputedIndependently()
    {
        var order = Election.FixedTieBreaker().Order(Ids);

        // The same order from .NET's HMACSHA256 in the test, and from openssl:
        // printf '%s' "$id" | openssl dgst -sha256 -mac HMAC -macopt hexkey:0001…1f
        //   1f49806e… nom-bravo, 9881e51b… nom-charlie, c4ff526f… nom-delta,
        //   cbb0c081… nom-echo, d772eba8… nom-alpha, f387b177… Émile
        Assert.Equal(Election.ReferenceOrder(Election.SeedHex, Ids), order);
        Assert.Equal(["nom-bravo", "nom-charlie", "nom-delta", "nom-echo", "nom-alpha", "Émile"], order);
        Assert.Equal("1f49806e06904ea4318c8fa4c047eef24a03978f0b35ea8601658dd34f5b3826", Election.FixedTieBreaker().ComputeKeyHex("nom-bravo"));
    }

    [Fact]
    public void Pick_IsTheFirstOfTheOrder()
    {
        Assert.Equal("nom-delta", Election.FixedTieBreaker().Pick(["nom-alpha", "nom-delta", "nom-echo"]));
    }

    [Fact]
    public void Order_RepeatedOrNullIds_Throw()
    {
        var tieBreaker = Election.FixedTieBreaker();

        Assert.Throws<ArgumentException>(() => tieBreaker.Order(["a", "b", "a"]));
        Assert.Throws<ArgumentException>(() => tieBreaker.Order(["a", null!]));
        Assert.Throws<ArgumentException>(() => tieBreaker.Pick([]));
    }

    [Fact]
    public void Order_SameSeedSameOrder_AndAnyPermutationOfTheInputGivesTheSameOrder()
    {
        var gen =
            from seed in Gen.Byte.Array[32]
            from ids in Gen.String[Gen.Char.AlphaNumeric, 1, 12].Array[1, 12]
            from keys in Gen.Int.Array[ids.Length]
            select (seed, ids: ids.Distinct(StringComparer.Ordinal).ToArray(), keys);

        gen.Sample((seed, ids, keys) =>
        {
            var hex = Convert.ToHexStringLower(seed);
            var shuffled = ids.Zip(keys).OrderBy(p => p.Second).Select(p => p.First).ToArray();

            var first = new TieBreaker(TieBreakSeed.FromHex(hex)).Order(ids);
            var again = new TieBreaker(TieBreakSeed.FromBytes(seed)).Order(ids);
            var permuted = new TieBreaker(TieBreakSeed.FromHex(hex)).Order(shuffled);

            Assert.Equal(first, again);
            Assert.Equal(first, permuted);
            Assert.Equal(Election.ReferenceOrder(hex, ids), first);
        });
    }

    [Fact]
    public void Order_OfASubset_IsTheFullOrderRestrictedToIt()
    {
        var gen =
            from seed in Gen.Byte.Array[32]
            from keep in Gen.Bool.Array[Ids.Length]
            select (seed, keep);

        gen.Sample((seed, keep) =>
        {
            var tieBreaker = new TieBreaker(TieBreakSeed.FromBytes(seed));
            var subset = Ids.Where((_, i) => keep[i]).ToArray();

            Assert.Equal(tieBreaker.Order(Ids).Where(subset.Contains), tieBreaker.Order(subset));
        });
    }
}
