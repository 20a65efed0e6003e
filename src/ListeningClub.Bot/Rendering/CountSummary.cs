using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Rendering;

/// <summary>
/// A count's one-sentence summary for readers: the voting engine writes it with candidate ids (it knows nothing else),
/// and readers get the nominations' names in their place. Plain text: the caller escapes it for where it goes.
/// </summary>
public static class CountSummary
{
    public static string Named(TallyResult tally, Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(nameOf);
        var summary = tally.Explanation.Summary;
        foreach (var id in tally.Ranking.Where(id => id.Length > 0).OrderByDescending(id => id.Length))
        {
            summary = summary.Replace(id, nameOf(id), StringComparison.Ordinal);
        }

        return summary;
    }
}
