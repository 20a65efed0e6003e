using ListeningClub.Domain.Voting;
using static ListeningClub.Domain.Tests.Voting.Election;

namespace ListeningClub.Domain.Tests.Voting;

/// <summary>Caller bugs the engine refuses loudly, and the value semantics of its results.</summary>
public sealed class TallyInputTests
{
    private static readonly string[] Abc = ["A", "B", "C"];

    [Theory]
    [InlineData(VotingMethod.Plurality)]
    [InlineData(VotingMethod.Approval)]
    [InlineData(VotingMethod.InstantRunoff)]
    [InlineData(VotingMethod.Schulze)]
    public void Count_UnknownCandidateOnABallot_Throws(VotingMethod method)
    {
        var error = Assert.Throws<ArgumentException>(() => Count(method, Abc, BallotsOf(Times(1, "A"), Times(1, "Z"))));
        Assert.Contains("'Z'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VotingMethod.Approval)]
    [InlineData(VotingMethod.InstantRunoff)]
    [InlineData(VotingMethod.Schulze)]
    public void Count_SameCandidateTwiceOnABallot_Throws(VotingMethod method)
    {
        Assert.Throws<ArgumentException>(() => Count(method, Abc, BallotsOf(Times(1, "A>B>A"))));
    }

    [Theory]
    [InlineData(VotingMethod.Plurality)]
    [InlineData(VotingMethod.Schulze)]
    public void Count_NoCandidates_Throws(VotingMethod method)
    {
        Assert.Throws<ArgumentException>(() => Count(method, [], []));
    }

    [Fact]
    public void Count_RepeatedCandidateInTheList_Throws()
    {
        Assert.Throws<ArgumentException>(() => Count(VotingMethod.Schulze, ["A", "B", "A"], []));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A,B")]
    public void Count_PluralityBallotWithoutExactlyOneChoice_Throws(string ballot)
    {
        Assert.Throws<ArgumentException>(() => Count(VotingMethod.Plurality, Abc, BallotsOf(Times(1, ballot))));
    }

    [Fact]
    public void Count_NullBallotOrTieBreaker_Throws()
    {
        Assert.Throws<ArgumentException>(() => Count(VotingMethod.Approval, Abc, [null!]));
        Assert.Throws<ArgumentNullException>(() => Tally.Count(VotingMethod.Approval, Abc, [], null!));
    }

    [Theory]
    [InlineData(VotingMethod.Plurality, "A")]
    [InlineData(VotingMethod.Approval, "A,B")]
    [InlineData(VotingMethod.InstantRunoff, "A>B")]
    [InlineData(VotingMethod.Schulze, "B>C")]
    public void Results_CompareByContent(VotingMethod method, string ballot)
    {
        var one = Count(method, Abc, BallotsOf(Times(2, ballot), Times(1, "C")));
        var two = Count(method, [.. Abc], BallotsOf(Times(2, ballot), Times(1, "C")));

        Assert.Equal(one, two);
        Assert.Equal(one.GetHashCode(), two.GetHashCode());
        Assert.NotEqual(one, one with { Ranking = [.. one.Ranking.Reverse()] });
    }

    [Fact]
    public void Count_BallotsAsArraysListsOrOtherLists_CountTheSame()
    {
        string[][] rankings = [["A", "B", "C"], ["C", "B"], ["B"], [], ["B", "A", "C"]];

        var asArrays = Count(VotingMethod.InstantRunoff, Abc, rankings);
        var asLists = Count(VotingMethod.InstantRunoff, Abc, [.. rankings.Select(r => (IReadOnlyList<string>)r.ToList())]);
        var asReadOnly = Count(VotingMethod.InstantRunoff, Abc, [.. rankings.Select(r => (IReadOnlyList<string>)r.ToList().AsReadOnly())]);

        Assert.Equal(asArrays, asLists);
        Assert.Equal(asArrays, asReadOnly);
    }

    [Fact]
    public void TieBreakRecord_ListsCompareByContent_EvenWhenReplacedWithAnotherListType()
    {
        var record = new TieBreakRecord("stage", ["A", "B"], ["B", "A"], "B");

        Assert.Equal(record, record with { Order = new List<string> { "B", "A" } });
        Assert.NotEqual(record, record with { Order = ["A", "B"] });
    }
}
