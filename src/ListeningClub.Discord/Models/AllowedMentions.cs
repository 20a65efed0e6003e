namespace ListeningClub.Discord.Models;

/// <summary>
/// Who a message may notify. The client sends <see cref="None"/> (<c>{"parse": []}</c>) on every message
/// unless the caller names users or roles explicitly with <see cref="Only"/>.
/// </summary>
public sealed record AllowedMentions
{
    /// <summary>Categories parsed from the text ("users", "roles", "everyone"). Empty = parse nothing.</summary>
    public IReadOnlyList<string>? Parse { get; init; }
    public IReadOnlyList<ulong>? Users { get; init; }
    public IReadOnlyList<ulong>? Roles { get; init; }
    public bool? RepliedUser { get; init; }

    /// <summary>Nobody is notified, whatever the text says.</summary>
    public static AllowedMentions None { get; } = new() { Parse = [] };

    /// <summary>Only the named users and roles are notified (and only if the text mentions them).</summary>
    public static AllowedMentions Only(IEnumerable<ulong>? users = null, IEnumerable<ulong>? roles = null, bool repliedUser = false) => new()
    {
        Parse = [],
        Users = users?.Distinct().Take(100).ToArray(),
        Roles = roles?.Distinct().Take(100).ToArray(),
        RepliedUser = repliedUser ? true : null,
    };
}
