using System.Text.Json;
using System.Text.RegularExpressions;

namespace ListeningClub.Discord.Tests.Safety;

/// <summary>
/// A small reference model of Discord's notification rules (REFERENCE.md §5.3, §4.3): who a sent payload would
/// ping. Conservative: mentions count wherever they appear in the content (even inside code).
/// </summary>
public static partial class WhoWouldBeNotified
{
    public static IReadOnlySet<string> For(JsonElement messageBody, bool webhookOrInteraction)
    {
        var notified = new HashSet<string>(StringComparer.Ordinal);
        var content = messageBody.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";

        HashSet<string> parse;
        HashSet<string> users = [];
        HashSet<string> roles = [];
        if (messageBody.TryGetProperty("allowed_mentions", out var am) && am.ValueKind == JsonValueKind.Object)
        {
            parse = am.TryGetProperty("parse", out var p) ? p.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
            if (am.TryGetProperty("users", out var u))
            {
                users = u.EnumerateArray().Select(x => x.GetString()!).ToHashSet();
            }

            if (am.TryGetProperty("roles", out var r))
            {
                roles = r.EnumerateArray().Select(x => x.GetString()!).ToHashSet();
            }
        }
        else
        {
            // Omitted: a channel message parses everything; webhooks and interaction responses parse users.
            parse = webhookOrInteraction ? ["users"] : ["users", "roles", "everyone"];
        }

        foreach (Match m in UserMention().Matches(content))
        {
            var id = m.Groups[1].Value;
            if (parse.Contains("users") || users.Contains(id))
            {
                notified.Add("user:" + id);
            }
        }

        foreach (Match m in RoleMention().Matches(content))
        {
            var id = m.Groups[1].Value;
            if (parse.Contains("roles") || roles.Contains(id))
            {
                notified.Add("role:" + id);
            }
        }

        if (parse.Contains("everyone") && EveryoneMention().IsMatch(content))
        {
            notified.Add("everyone");
        }

        return notified;
    }

    [GeneratedRegex(@"<@!?(\d+)>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<@&(\d+)>")]
    private static partial Regex RoleMention();

    [GeneratedRegex("@(everyone|here)", RegexOptions.IgnoreCase)]
    private static partial Regex EveryoneMention();
}
