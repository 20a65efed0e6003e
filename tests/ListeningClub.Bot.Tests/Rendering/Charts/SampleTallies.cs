using System.Globalization;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Tests.Rendering.Charts;

/// <summary>Counted elections to draw: real tallies from the domain's engine, with readable candidate names.</summary>
public static class SampleTallies
{
    private static readonly TieBreaker TieBreaker = new(TieBreakSeed.FromHex(new string('7', 64)));

    public static string NameOf(string id) => $"Film {id}";

    /// <summary>Ranked ballots over <paramref name="candidates"/> nominations in which nomination i is ranked first by i + 1 members, then the next one: <c>candidates - 1</c> IRV rounds.</summary>
    public static TallyResult Ranked(VotingMethod method, int candidates, int shift = 0)
    {
        var ids = Ids(candidates);
        var ballots = new List<IReadOnlyList<string>>();
        for (var i = 0; i < candidates; i++)
        {
            var first = ids[(i + shift) % candidates];
            for (var k = 0; k <= i; k++)
            {
                ballots.Add(i < candidates - 1 ? [first, ids[(i + shift + 1) % candidates]] : [first]);
            }
        }

        return Tally.Count(method, ids, ballots, TieBreaker);
    }

    /// <summary>Plurality or approval ballots: nomination i gets <c>(i * factor) % 7 + 1</c> votes.</summary>
    public static TallyResult Counted(VotingMethod method, int candidates, int factor = 3)
    {
        var ids = Ids(candidates);
        var ballots = new List<IReadOnlyList<string>>();
        for (var i = 0; i < candidates; i++)
        {
            for (var k = 0; k < ((i * factor) % 7) + 1; k++)
            {
                ballots.Add([ids[i]]);
            }
        }

        return Tally.Count(method, ids, ballots, TieBreaker);
    }

    public static TallyResult NobodyVoted(VotingMethod method) => Tally.Count(method, Ids(3), [], TieBreaker);

    private static List<string> Ids(int count) => [.. Enumerable.Range(1, count).Select(i => i.ToString("00", CultureInfo.InvariantCulture))];
}
