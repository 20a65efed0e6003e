using CsCheck;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Tests.Voting;

public sealed class TieBreakVerifierTests
{
    private static readonly string[] Tied = ["nom-alpha", "nom-delta", "nom-echo"];

    private static readonly TieBreakSeed Seed = TieBreakSeed.FromHex(Election.SeedHex);

    [Fact]
    public void Verify_HonestOutcome_IsValid()
    {
        var result = TieBreakVerifier.Verify(Seed.Commitment, Seed.ToHex(), Tied, "nom-delta");

        Assert.True(result.IsValid);
        Assert.True(result.SeedMatchesCommitment);
        Assert.True(result.WinnerMatches);
        Assert.Equal("nom-delta", result.ExpectedWinner);
        Assert.Equal(["nom-delta", "nom-echo", "nom-alpha"], result.Order);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Verify_AcceptsAnUppercaseCommitmentAndSeed()
    {
        Assert.True(TieBreakVerifier.Verify(Seed.Commitment.ToUpperInvariant(), Seed.ToHex().ToUpperInvariant(), Tied, "nom-delta").IsValid);
    }

    [Fact]
    public void Verify_SeedThatIsNotTheCommittedOne_IsRejected()
    {
        var other = TieBreakSeed.FromHex(new string('a', 64));

        var result = TieBreakVerifier.Verify(Seed.Commitment, other.ToHex(), Tied, new TieBreaker(other).Pick(Tied));

        Assert.False(result.IsValid);
        Assert.False(result.SeedMatchesCommitment);
        Assert.True(result.WinnerMatches); // the claim is consistent with the seed, but the seed was swapped
        Assert.Contains("does not match the commitment", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongWinner_IsRejectedAndNamesTheRightOne()
    {
        var result = TieBreakVerifier.Verify(Seed.Commitment, Seed.ToHex(), Tied, "nom-alpha");

        Assert.False(result.IsValid);
        Assert.True(result.SeedMatchesCommitment);
        Assert.False(result.WinnerMatches);
        Assert.Equal("nom-delta", result.ExpectedWinner);
        Assert.Equal("The tie-break picks 'nom-delta', not 'nom-alpha'.", result.Reason);
    }

    [Fact]
    public void Verify_WinnerWhoWasNotTied_IsRejected()
    {
        var result = TieBreakVerifier.Verify(Seed.Commitment, Seed.ToHex(), Tied, "nom-zulu");

        Assert.False(result.WinnerMatches);
        Assert.Contains("not among the tied candidates", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not hex at all", "hex")]
    [InlineData("abcd", "64 hex digits")]
    [InlineData("", "64 hex digits")]
    public void Verify_MalformedSeed_IsRejectedWithAReason(string seedHex, string reasonMentions)
    {
        var result = TieBreakVerifier.Verify(Seed.Commitment, seedHex, Tied, "nom-delta");

        Assert.False(result.IsValid);
        Assert.False(result.SeedMatchesCommitment);
        Assert.Null(result.ExpectedWinner);
        Assert.Contains(reasonMentions, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MalformedCommitment_IsAMismatch()
    {
        var result = TieBreakVerifier.Verify("zz", Seed.ToHex(), Tied, "nom-delta");

        Assert.False(result.IsValid);
        Assert.False(result.SeedMatchesCommitment);
        Assert.True(result.WinnerMatches);
    }

    [Fact]
    public void Verify_NoTiedCandidates_IsRejected()
    {
        var result = TieBreakVerifier.Verify(Seed.Commitment, Seed.ToHex(), [], "nom-delta");

        Assert.False(result.IsValid);
        Assert.Equal("No tied candidates were given.", result.Reason);
    }

    [Fact]
    public void Verify_AcceptsEveryHonestTallyTieBreak_AndRejectsAnotherSeed()
    {
        // Elections with many ties: few voters, few candidates.
        var gen =
            from seed in Gen.Byte.Array[32]
            from other in Gen.Byte.Array[32]
            from method in Gen.Enum<VotingMethod>()
            from election in ElectionGen.Ranked(maxCandidates: 5, maxBallots: 4)
            select (seed, other, method, election);

        gen.Sample((seedBytes, otherBytes, method, election) =>
        {
            var seed = TieBreakSeed.FromBytes(seedBytes);
            var result = Tally.Count(method, election.Candidates, election.BallotsFor(method), new TieBreaker(seed));

            foreach (var record in result.TieBreaks.Where(r => r.Purpose != TieBreakPurpose.Elimination))
            {
                Assert.True(TieBreakVerifier.Verify(seed.Commitment, seed.ToHex(), record.Tied, record.Chosen).IsValid);
                if (!otherBytes.AsSpan().SequenceEqual(seedBytes))
                {
                    Assert.False(TieBreakVerifier.Verify(seed.Commitment, Convert.ToHexString(otherBytes), record.Tied, record.Chosen).IsValid);
                }
            }

            foreach (var record in result.TieBreaks.Where(r => r.Purpose == TieBreakPurpose.Elimination))
            {
                var verification = TieBreakVerifier.Verify(seed.Commitment, seed.ToHex(), record.Tied, record.Order[0]);
                Assert.True(verification.IsValid);
                Assert.Equal(record.Chosen, verification.Order[^1]);
            }
        });
    }
}
