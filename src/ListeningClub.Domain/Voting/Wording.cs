using System.Globalization;

namespace ListeningClub.Domain.Voting;

/// <summary>Small helpers for the sentences in tally explanations (culture-invariant numbers).</summary>
internal static class Wording
{
    public static string Percent(int part, int whole) =>
        whole == 0 ? "0%" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.#}%");

    public static string Plural(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "nobody",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    public static string NobodyVoted(string winner) =>
        $"Nobody voted, so every candidate was tied and the tie-break chose {winner}.";
}
