using CsCheck;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Tests.Voting;

/// <summary>A generated election: candidates and ranked ballots as candidate indices, most preferred first.</summary>
public sealed record GeneratedElection(string[] Candidates, int[][] Rankings)
{
    public IReadOnlyList<IReadOnlyList<string>> Ranked =>
        [.. Rankings.Select(r => (IReadOnlyList<string>)[.. r.Select(i => Candidates[i])])];

    /// <summary>The ballots as the method expects them: plurality takes each non-empty ranking's first choice, approval the ranked set.</summary>
    public IReadOnlyList<IReadOnlyList<string>> BallotsFor(VotingMethod method) => method == VotingMethod.Plurality
        ? [.. Rankings.Where(r => r.Length > 0).Select(r => (IReadOnlyList<string>)[Candidates[r[0]]])]
        : Ranked;

    public override string ToString() =>
        $"{Candidates.Length} candidates; " + string.Join(" | ", Rankings.Select(r => string.Join(">", r)));
}

/// <summary>CsCheck generators for elections.</summary>
internal static class ElectionGen
{
    /// <summary>
    /// Ranked ballots over 1..<paramref name="maxCandidates"/> candidates. Each voter scores candidates as a shared
    /// "popularity" plus personal taste, so there is some structure (and Condorcet winners occur), and ranks a
    /// random-length prefix (possibly empty, or complete when <paramref name="complete"/>).
    /// </summary>
    public static Gen<GeneratedElection> Ranked(int maxCandidates, int maxBallots, bool complete = false, int minCandidates = 1) =>
        from n in Gen.Int[minCandidates, maxCandidates]
        from popularity in Gen.Int[0, 6].Array[n]
        from rankings in Ballot(popularity, complete).Array[0, maxBallots]
        select new GeneratedElection(CandidateIds(n), rankings);

    public static string[] CandidateIds(int n) => [.. Enumerable.Range(0, n).Select(i => $"cand-{i}")];

    public static Gen<int[]> Ballot(int[] popularity, bool complete) =>
        from taste in Gen.Int[0, 6].Array[popularity.Length]
        from length in complete ? Gen.Const(popularity.Length) : Gen.Int[0, popularity.Length]
        select Enumerable.Range(0, popularity.Length)
            .OrderByDescending(c => popularity[c] + taste[c])
            .ThenBy(c => c)
            .Take(length)
            .ToArray();

    /// <summary>d[i, j] computed naively from ranks: ranked above unranked, unranked equal.</summary>
    public static int[,] Pairwise(GeneratedElection election)
    {
        var n = election.Candidates.Length;
        var d = new int[n, n];
        foreach (var ranking in election.Rankings)
        {
            int Rank(int c)
            {
                var at = Array.IndexOf(ranking, c);
                return at < 0 ? int.MaxValue : at;
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (i != j && Rank(i) < Rank(j))
                    {
                        d[i, j]++;
                    }
                }
            }
        }

        return d;
    }

    /// <summary>The candidate who beats every other head to head, if any.</summary>
    public static int? CondorcetWinner(GeneratedElection election)
    {
        var d = Pairwise(election);
        var n = election.Candidates.Length;
        for (var i = 0; i < n; i++)
        {
            if (Enumerable.Range(0, n).All(j => j == i || d[i, j] > d[j, i]))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The candidate who loses to every other head to head, if any.</summary>
    public static int? CondorcetLoser(GeneratedElection election)
    {
        var d = Pairwise(election);
        var n = election.Candidates.Length;
        for (var i = 0; i < n; i++)
        {
            if (n > 1 && Enumerable.Range(0, n).All(j => j == i || d[i, j] < d[j, i]))
            {
                return i;
            }
        }

        return null;
    }
}
