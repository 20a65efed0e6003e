using System.Runtime.CompilerServices;

namespace ListeningClub.Domain.Voting;

/// <summary>
/// Schulze. d[i, j] counts the ballots ranking i above j (ranked above unranked; unranked equal). A link
/// i→j exists when d[i, j] &gt; d[j, i], with strength d[i, j]; p[i, j] is the strongest path's weakest link.
/// i beats j when p[i, j] &gt; p[j, i]. The winners are the candidates nobody beats; the ranking repeats that on
/// the candidates left, each group of mutually unbeaten candidates ordered by the tie-break.
/// </summary>
internal static class SchulzeCounting
{
    public static TallyResult Count(BallotBox box, TieBreakLog tieBreaks)
    {
        var n = box.CandidateCount;
        var candidates = box.Candidates;
        var d = PairwisePreferences(box);
        var p = StrongestPaths(d, n);

        var nobodyVoted = box.BallotCount == 0;
        var ranking = new List<int>(n);
        var left = new List<int>(Enumerable.Range(0, n));
        int[] firstGroup = [];
        while (left.Count > 0)
        {
            var unbeaten = left.Where(i => !left.Exists(j => p[(j * n) + i] > p[(i * n) + j])).ToArray();
            var place = ranking.Count + 1;
            var stage = nobodyVoted && place == 1
                ? "No ballots: every candidate tied"
                : $"Schulze: {TieBreakLog.PlaceLabel(place, place + unbeaten.Length - 1)}";
            var ordered = tieBreaks.Resolve(stage, unbeaten, place == 1 ? TieBreakPurpose.Win : TieBreakPurpose.Place);
            if (place == 1)
            {
                firstGroup = ordered;
            }

            ranking.AddRange(ordered);
            left.RemoveAll(c => Array.IndexOf(ordered, c) >= 0);
        }

        var winner = ranking[0];
        var wins = new List<PairwiseWin>();
        for (var o = 0; o < n; o++)
        {
            if (d[(winner * n) + o] > d[(o * n) + winner])
            {
                wins.Add(new PairwiseWin(candidates[o], d[(winner * n) + o], d[(o * n) + winner]));
            }
        }

        var summary = nobodyVoted
            ? Wording.NobodyVoted(candidates[winner])
            : Summarise(candidates, winner, wins.Count, firstGroup);

        return new TallyResult(
            VotingMethod.Schulze,
            candidates[winner],
            ValueList<string>.Own(ranking.ConvertAll(c => candidates[c]).ToArray()),
            box.BallotCount,
            new SchulzeExplanation(
                candidates,
                new CandidateMatrix(candidates, d),
                new CandidateMatrix(candidates, p),
                ValueList<PairwiseWin>.From(wins),
                summary,
                nobodyVoted),
            tieBreaks.Records);
    }

    /// <summary>
    /// d[i, j], row-major. Counting only pairs of ranked candidates: with before[j, i] = ballots ranking both
    /// and j ahead of i, and ranked[i] = ballots ranking i at all, d[i, j] = ranked[i] − before[j, i]
    /// (i is above j on every ballot that ranks i, except those that rank j ahead of it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a tally runs rarely: compile its hot loop fully at once, not as tier-0 code
    internal static int[] PairwisePreferences(BallotBox box)
    {
        var n = box.CandidateCount;
        var before = new int[n * n];
        var ranked = new int[n];
        var offsets = box.Offsets;
        var choices = box.Choices;
        for (var b = 0; b < box.BallotCount; b++)
        {
            var end = offsets[b + 1];
            for (var k = offsets[b]; k < end; k++)
            {
                var ahead = choices[k];
                ranked[ahead]++;
                var row = before.AsSpan(ahead * n, n);
                for (var m = k + 1; m < end; m++)
                {
                    row[choices[m]]++;
                }
            }
        }

        var d = new int[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                d[(i * n) + j] = i == j ? 0 : ranked[i] - before[(j * n) + i];
            }
        }

        return d;
    }

    /// <summary>p[i, j], row-major: the widest path over links i→j with strength d[i, j] where d[i, j] &gt; d[j, i].</summary>
    internal static int[] StrongestPaths(int[] d, int n)
    {
        var p = new int[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j && d[(i * n) + j] > d[(j * n) + i])
                {
                    p[(i * n) + j] = d[(i * n) + j];
                }
            }
        }

        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                if (i == k)
                {
                    continue;
                }

                var viaK = p[(i * n) + k];
                for (var j = 0; j < n; j++)
                {
                    if (j != i && j != k)
                    {
                        var through = Math.Min(viaK, p[(k * n) + j]);
                        if (through > p[(i * n) + j])
                        {
                            p[(i * n) + j] = through;
                        }
                    }
                }
            }
        }

        return p;
    }

    private static string Summarise(ValueList<string> candidates, int winner, int headToHeadWins, int[] firstGroup)
    {
        var name = candidates[winner];
        if (firstGroup.Length > 1)
        {
            var others = firstGroup.Where(c => c != winner).Select(c => candidates[c]).ToArray();
            return $"{name} tied with {Wording.List(others)}: nobody beats them by strongest paths, and the tie-break chose {name}.";
        }

        return headToHeadWins == candidates.Count - 1
            ? $"{name} beats every other candidate head to head."
            : $"{name} beats every other candidate by strongest paths.";
    }
}
