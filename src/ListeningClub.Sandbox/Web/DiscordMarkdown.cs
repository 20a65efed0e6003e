using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ListeningClub.Sandbox.Web;

/// <summary>Names for mentions (users, channels and roles by id), and the moment of reading for relative times (<c>&lt;t:…:R&gt;</c>).</summary>
public sealed record MentionNames(IReadOnlyDictionary<string, string> Users, IReadOnlyDictionary<string, string> Channels, IReadOnlyDictionary<string, string> Roles, DateTimeOffset? Now = null);

/// <summary>
/// The part of Discord's markdown the bot writes, as HTML: bold, italic, underline, strike, inline code, masked links
/// (http and https only), headings, subtext and quotes, mentions and timestamps. The text is HTML-escaped first and
/// every tag comes from this class, so nothing a member or the bot wrote can become markup.
/// </summary>
public static partial class DiscordMarkdown
{
    // Backslash escapes are set aside before the markup rules run and put back, escaped, after them.
    private const char EscapeStart = '\uE000';

    public static string ToHtml(string? text, MentionNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var escapes = new List<char>();
        var plain = BackslashEscape().Replace(text.Replace(EscapeStart, '\uFFFD'), m =>
        {
            escapes.Add(m.Value[1]);
            return EscapeStart.ToString() + (char)(0xE100 + escapes.Count - 1);
        });

        var lines = plain.Split('\n').Select(line => Line(line, names));
        var html = string.Join("<br>", lines).Replace("</blockquote><br><blockquote>", "<br>", StringComparison.Ordinal);
        var restored = new StringBuilder(html.Length);
        for (var i = 0; i < html.Length; i++)
        {
            if (html[i] == EscapeStart && i + 1 < html.Length)
            {
                restored.Append(WebUtility.HtmlEncode(escapes[html[i + 1] - 0xE100].ToString()));
                i++;
            }
            else
            {
                restored.Append(html[i]);
            }
        }

        return restored.ToString();
    }

    private static string Line(string line, MentionNames names)
    {
        var (open, close) = ("", "");
        foreach (var (prefix, tagOpen, tagClose) in new[] { ("### ", "<strong class=\"h3\">", "</strong>"), ("## ", "<strong class=\"h2\">", "</strong>"), ("# ", "<strong class=\"h1\">", "</strong>"), ("-# ", "<small class=\"subtext\">", "</small>"), ("> ", "<blockquote>", "</blockquote>") })
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                line = line[prefix.Length..];
                (open, close) = (tagOpen, tagClose);
                break;
            }
        }

        return open + Inline(line, names) + close;
    }

    private static string Inline(string text, MentionNames names)
    {
        // Code spans first: nothing inside them is markup.
        var parts = CodeSpan().Split(text);
        var html = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            html.Append(i % 2 == 1 ? $"<code>{WebUtility.HtmlEncode(parts[i])}</code>" : Styled(parts[i], names));
        }

        return html.ToString();
    }

    private static string Styled(string text, MentionNames names)
    {
        var html = WebUtility.HtmlEncode(text);
        html = Timestamp().Replace(html, m => Time(m.Groups["unix"].Value, m.Groups["style"].Value, names.Now));
        html = UserMention().Replace(html, m => Mention("@", names.Users.GetValueOrDefault(m.Groups["id"].Value, "unknown user")));
        html = RoleMention().Replace(html, m => Mention("@", names.Roles.GetValueOrDefault(m.Groups["id"].Value, "unknown role")));
        html = ChannelMention().Replace(html, m => Mention("#", names.Channels.GetValueOrDefault(m.Groups["id"].Value, "unknown channel")));
        html = MaskedLink().Replace(html, m => $"<a href=\"{m.Groups["url"].Value}\" rel=\"noopener noreferrer\" target=\"_blank\">{m.Groups["text"].Value}</a>");
        html = Bold().Replace(html, "<strong>$1</strong>");
        html = Underline().Replace(html, "<u>$1</u>");
        html = Italic().Replace(html, "<em>$1</em>");
        html = UnderscoreItalic().Replace(html, "<em>$1</em>");
        html = Strike().Replace(html, "<s>$1</s>");
        return html;
    }

    private static string Mention(string sigil, string name) => $"<span class=\"mention\">{sigil}{WebUtility.HtmlEncode(name)}</span>";

    private static string Time(string unix, string style, DateTimeOffset? now)
    {
        if (!long.TryParse(unix, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799)
        {
            return unix;
        }

        var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var text = style switch
        {
            "t" => at.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture),
            "d" => at.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            "D" => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            "R" when now is { } reading => Relative(at - reading),
            _ => at.ToString("ddd d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture),
        };
        return $"<time datetime=\"{at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">{text}</time>";
    }

    /// <summary>As Discord words it: "in 3 days", "2 hours ago".</summary>
    private static string Relative(TimeSpan delta)
    {
        var span = delta.Duration();
        var (count, unit) = span.TotalDays >= 365 ? ((int)(span.TotalDays / 365), "year")
            : span.TotalDays >= 30 ? ((int)(span.TotalDays / 30), "month")
            : span.TotalDays >= 1 ? ((int)span.TotalDays, "day")
            : span.TotalHours >= 1 ? ((int)span.TotalHours, "hour")
            : span.TotalMinutes >= 1 ? ((int)span.TotalMinutes, "minute")
            : (0, "");
        if (count == 0)
        {
            return "now";
        }

        var words = string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? "" : "s")}");
        return delta >= TimeSpan.Zero ? "in " + words : words + " ago";
    }

    [GeneratedRegex(@"\\([\\*_~`|<>\[\]()#>\-.!:])")]
    private static partial Regex BackslashEscape();

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"&lt;t:(?<unix>-?\d{1,13})(?::(?<style>[tTdDfFR]))?&gt;")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"&lt;@!?(?<id>\d{1,20})&gt;")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"&lt;@&amp;(?<id>\d{1,20})&gt;")]
    private static partial Regex RoleMention();

    [GeneratedRegex(@"&lt;#(?<id>\d{1,20})&gt;")]
    private static partial Regex ChannelMention();

    // The URL was HTML-escaped with the rest, so it is safe in the attribute; only http(s) links become links.
    [GeneratedRegex(@"\[(?<text>[^\]\n]{1,200})\]\((?:&lt;)?(?<url>https?://[^\s()&]+(?:&amp;[^\s()&]+)*)(?:&gt;)?\)")]
    private static partial Regex MaskedLink();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"__(.+?)__")]
    private static partial Regex Underline();

    [GeneratedRegex(@"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])")]
    private static partial Regex UnderscoreItalic();

    [GeneratedRegex(@"~~(.+?)~~")]
    private static partial Regex Strike();
}
