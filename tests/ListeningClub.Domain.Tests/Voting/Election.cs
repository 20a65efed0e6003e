using System.Security.Cryptography;
using System.Text;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Tests.Voting;

/// <summary>Test helpers: build ballots by repetition, fixed seeds, and the tie-break rule recomputed independently.</summary>
internal static class Election
{
    /// <summary>A fixed seed used where a test does not care which one.</summary>
    public const string SeedHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    public static TieBreaker FixedTieBreaker(string seedHex = SeedHex) => new(TieBreakSeed.FromHex(seedHex));

    /// <summary><paramref name="count"/> copies of a ballot written as "A>B>C" (ranked) or "A,B" (approval); "" is an empty ballot.</summary>
    public static IEnumerable<IReadOnlyList<string>> Times(int count, string ballot)
    {
        var ids = ballot.Length == 0 ? [] : ballot.Split('>', ',');
        return Enumerable.Repeat<IReadOnlyList<string>>(ids, count);
    }

    public static IReadOnlyList<IReadOnlyList<string>> BallotsOf(params IEnumerable<IReadOnlyList<string>>[] groups) =>
        [.. groups.SelectMany(g => g)];

    public static TallyResult Count(VotingMethod method, string[] candidates, IReadOnlyList<IReadOnlyList<string>> ballots, TieBreaker? tieBreaker = null) =>
        Tally.Count(method, candidates, ballots, tieBreaker ?? FixedTieBreaker());

    /// <summary>The documented rule, recomputed with HMACSHA256 directly: sort by HMAC(seed, UTF-8 id) as hex text.</summary>
    public static string[] ReferenceOrder(string seedHex, IEnumerable<string> ids)
    {
        var key = Convert.FromHexString(seedHex);
        return [.. ids.OrderBy(id => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id))), StringComparer.Ordinal)];
    }

    public static IReadOnlyDictionary<string, int> ToDictionary(this IEnumerable<CandidateCount> counts) =>
        counts.ToDictionary(c => c.CandidateId, c => c.Count);
}
