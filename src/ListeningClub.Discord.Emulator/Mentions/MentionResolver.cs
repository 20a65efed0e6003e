using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ListeningClub.Discord.Emulator.Rest;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Mentions;

/// <summary>
/// Works out whom Discord would notify for a message: what the content mentions, filtered by
/// <c>allowed_mentions</c> (docs: resources/message "Allowed mentions object").
/// </summary>
public static partial class MentionResolver
{
    /// <summary>Which parse types apply when a message carries no allowed_mentions.</summary>
    public enum DefaultParse
    {
        /// <summary>Regular channel messages: users, roles and everyone.</summary>
        Everything,

        /// <summary>Interaction responses and webhooks: only users (REFERENCE.md §4.3).</summary>
        UsersOnly,
    }

    public const long SuppressNotifications = 1 << 12;

    [GeneratedRegex(@"<@!?(\d{1,20})>", RegexOptions.CultureInvariant)]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<@&(\d{1,20})>", RegexOptions.CultureInvariant)]
    private static partial Regex RoleMention();

    [GeneratedRegex(@"@(everyone|here)", RegexOptions.CultureInvariant)]
    private static partial Regex EveryoneMention();

    /// <summary>Validates allowed_mentions (the parse/list mutual exclusion); returns errors or null.</summary>
    public static FormErrors? Validate(JsonNode? allowedMentions, string prefix)
    {
        if (allowedMentions is not JsonObject am)
        {
            return null;
        }

        var parse = ReadStrings(am["parse"]);
        var errors = new FormErrors();
        var at = prefix.Length == 0 ? "allowed_mentions" : prefix + ".allowed_mentions";
        foreach (var kind in new[] { "users", "roles" })
        {
            if (parse.Contains(kind) && am[kind] is JsonArray list && list.Count > 0)
            {
                errors.Add(at, "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                    $"parse:[\"{kind}\"] and {kind}: [ids...] are mutually exclusive.");
            }

            if (am[kind] is JsonArray ids && ids.Count > 100)
            {
                errors.Add(at + "." + kind, "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
            }
        }

        return errors.Any ? errors : null;
    }

    public static MentionOutcome Resolve(
        EmulatorState state,
        ulong? guildId,
        ulong authorId,
        string content,
        JsonNode? allowedMentions,
        DefaultParse defaultParse,
        ulong? repliedUserId,
        long flags)
    {
        var hasAt = content.Contains('@', StringComparison.Ordinal);
        var mentionedUsers = !hasAt ? [] : UserMention().Matches(content).Select(m => ulong.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var mentionedRoles = !hasAt ? [] : RoleMention().Matches(content).Select(m => ulong.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var mentionsEveryone = hasAt && EveryoneMention().IsMatch(content);

        bool parseUsers, parseRoles, parseEveryone, replied;
        HashSet<ulong> allowedUsers = [], allowedRoles = [];
        if (allowedMentions is JsonObject am)
        {
            var parse = ReadStrings(am["parse"]);
            parseUsers = parse.Contains("users");
            parseRoles = parse.Contains("roles");
            parseEveryone = parse.Contains("everyone");
            allowedUsers = ReadIds(am["users"]);
            allowedRoles = ReadIds(am["roles"]);
            replied = am["replied_user"] is JsonValue rv && rv.TryGetValue<bool>(out var r) && r;
        }
        else
        {
            parseUsers = true;
            parseRoles = defaultParse == DefaultParse.Everything;
            parseEveryone = defaultParse == DefaultParse.Everything;
            replied = true;
        }

        GuildEntity? guild = null;
        if (guildId is { } gid)
        {
            state.Guilds.TryGetValue(gid, out guild);
        }

        var authorPermissions = guild is null ? 0 : EmulatorState.ComputePermissions(guild, authorId);
        var canMentionEveryone = (authorPermissions & Permissions.MentionEveryone) != 0;

        // Only users that exist can be notified (and appear in the message's mentions).
        var users = mentionedUsers.Where(u => (parseUsers || allowedUsers.Contains(u)) && state.Users.ContainsKey(u)).ToList();
        if (replied && repliedUserId is { } ru && ru != authorId && !users.Contains(ru))
        {
            users.Add(ru);
        }

        var roles = mentionedRoles
            .Where(r => parseRoles || allowedRoles.Contains(r))
            .Where(r => guild?.Roles.FirstOrDefault(x => x.Id == r) is { } role && (role.Mentionable || canMentionEveryone))
            .ToList();
        var everyone = mentionsEveryone && parseEveryone && canMentionEveryone;
        return new MentionOutcome(users, roles, everyone, (flags & SuppressNotifications) != 0);
    }

    private static HashSet<string> ReadStrings(JsonNode? node) =>
        node is JsonArray a ? a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToHashSet(StringComparer.Ordinal) : [];

    private static HashSet<ulong> ReadIds(JsonNode? node) =>
        node is JsonArray a ? a.Select(Render.ReadId).Where(x => x is not null).Select(x => x!.Value).ToHashSet() : [];
}
