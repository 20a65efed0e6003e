using System.Text;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;

namespace ListeningClub.Bot.Rendering;

/// <summary>
/// Fitting lines of text into Discord's embed limits (1,024 per field value, 4,096 per description, 25 fields,
/// 6,000 characters across a message's embeds) by whole lines, so nothing is cut in the middle of a sentence.
/// </summary>
public static class EmbedText
{
    /// <summary>Marks the fields after the first that carry on a section: "How it was decided (continued)".</summary>
    public const string Continued = " (continued)";

    /// <summary>
    /// The lines joined by newlines into chunks of at most <paramref name="limit"/> characters, never splitting a line
    /// (a single line longer than the limit is cut on its own, with "…").
    /// </summary>
    public static IReadOnlyList<string> Chunks(IEnumerable<string> lines, int limit)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines.Select(l => DiscordText.Truncate(l, limit)))
        {
            if (current.Length > 0 && current.Length + 1 + line.Length > limit)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? "\n" : "").Append(line);
        }

        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
        }

        return chunks;
    }

    /// <summary>
    /// The lines as fields named <paramref name="name"/>, then "<paramref name="name"/> (continued)"; null when that
    /// takes more than <paramref name="maxFields"/> fields or <paramref name="maxCharacters"/> characters (names
    /// included), or when a line is longer than a field's value, so the caller can choose a shorter form.
    /// </summary>
    public static IReadOnlyList<EmbedField>? Fields(string name, IReadOnlyList<string> lines, int maxFields, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Any(l => l.Length > DiscordLimits.EmbedFieldValue))
        {
            return null;
        }

        var fields = Chunks(lines, DiscordLimits.EmbedFieldValue)
            .Select((value, i) => new EmbedField { Name = i == 0 ? name : name + Continued, Value = value })
            .ToList();
        return fields.Count <= maxFields && fields.Sum(Size) <= maxCharacters ? fields : null;
    }

    /// <summary>The characters of a field that count toward the 6,000 of a message.</summary>
    public static int Size(EmbedField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Name.Length + field.Value.Length;
    }

    /// <summary>The characters of an embed that count toward the 6,000 across a message's embeds.</summary>
    public static int Size(Embed embed)
    {
        ArgumentNullException.ThrowIfNull(embed);
        return (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0)
            + (embed.Author?.Name.Length ?? 0) + (embed.Fields?.Sum(Size) ?? 0);
    }
}
