namespace ListeningClub.Domain.Voting;

/// <summary>
/// The tie-break as one tally sees it: every candidate's position in the seed's order, computed once,
/// and the records of every tie resolved so far.
/// </summary>
internal sealed class TieBreakLog
{
    private readonly ValueList<string> _candidates;
    private readonly int[] _position;
    private readonly List<TieBreakRecord> _records = [];

    public TieBreakLog(TieBreaker tieBreaker, ValueList<string> candidates)
    {
        _candidates = candidates;
        var indexOf = new Dictionary<string, int>(candidates.Count, StringComparer.Ordinal);
        for (var c = 0; c < candidates.Count; c++)
        {
            indexOf.Add(candidates[c], c);
        }

        _position = new int[candidates.Count];
        var order = tieBreaker.Order(candidates);
        for (var p = 0; p < order.Count; p++)
        {
            _position[indexOf[order[p]]] = p;
        }
    }

    public ValueList<TieBreakRecord> Records => ValueList<TieBreakRecord>.From(_records);

    /// <summary>The candidate's place in the tie-break order (0 = most preferred).</summary>
    public int PositionOf(int candidate) => _position[candidate];

    /// <summary>Sorts <paramref name="candidates"/> into tie-break order, in place.</summary>
    public void SortInPlace(Span<int> candidates)
    {
        var position = _position;
        candidates.Sort((a, b) => position[a].CompareTo(position[b]));
    }

    /// <summary>
    /// Orders a tie by the tie-break and records it (when more than one candidate is tied).
    /// Returns the candidates in tie-break order; the caller takes the first, or the last for an elimination.
    /// </summary>
    public int[] Resolve(string stage, IEnumerable<int> tied, TieBreakPurpose purpose)
    {
        var order = tied.ToArray();
        SortInPlace(order);
        if (order.Length > 1)
        {
            var orderIds = Array.ConvertAll(order, c => _candidates[c]);
            var tiedIds = orderIds.Order(StringComparer.Ordinal).ToArray();
            var chosen = purpose == TieBreakPurpose.Elimination ? orderIds[^1] : orderIds[0];
            _records.Add(new TieBreakRecord(stage, ValueList<string>.Own(tiedIds), ValueList<string>.Own(orderIds), chosen, purpose));
        }

        return order;
    }

    /// <summary>
    /// Sorts candidates by score, highest first, resolving each group of equal scores by the tie-break and
    /// recording it as a tie for the win (places starting at 1) or for lower places.
    /// </summary>
    /// <param name="stagePrefix">Names the count in the record, e.g. "Plurality".</param>
    /// <param name="candidates">The candidates to order.</param>
    /// <param name="score">Each candidate's score, indexed by candidate.</param>
    /// <param name="firstPlace">The place (1-based) the first of these candidates takes in the full ranking.</param>
    public int[] RankByScore(string stagePrefix, IReadOnlyCollection<int> candidates, ReadOnlySpan<int> score, int firstPlace)
    {
        var sorted = candidates.ToArray();
        var scores = score.ToArray();
        var position = _position;
        Array.Sort(sorted, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : position[a].CompareTo(position[b]));

        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && scores[sorted[end]] == scores[sorted[start]])
            {
                end++;
            }

            if (end - start > 1)
            {
                var place = firstPlace + start;
                Resolve(
                    $"{stagePrefix}: {PlaceLabel(place, place + end - start - 1)}",
                    sorted[start..end],
                    place == 1 ? TieBreakPurpose.Win : TieBreakPurpose.Place);
            }

            start = end;
        }

        return sorted;
    }

    /// <summary>"tie for first place" or "tie for places 2–4".</summary>
    public static string PlaceLabel(int firstPlace, int lastPlace) =>
        firstPlace == 1 ? "tie for first place" : $"tie for places {firstPlace}–{lastPlace}";
}
