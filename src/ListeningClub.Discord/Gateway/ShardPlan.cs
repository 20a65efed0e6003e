using System.Globalization;

namespace ListeningClub.Discord.Gateway;

/// <summary>
/// Which shards this process runs, from <c>Discord:ShardCount</c> (a number, or <c>auto</c>: the count Discord recommends
/// in <c>GET /gateway/bot</c>) and <c>Discord:ShardIds</c> (empty: all of them; else ids and ranges, e.g. <c>0-3</c> or
/// <c>4,5,6</c>), so several processes can share one bot's shards.
/// </summary>
public sealed record ShardPlan(int? Count, IReadOnlyList<int>? Ids)
{
    public const string Auto = "auto";

    /// <summary>The most shards a plan may name (Discord's largest bots run tens of thousands; a club bot one).</summary>
    public const int MaxShards = 10_000;

    /// <summary>The plan the settings describe, or the reason (one line, naming the setting) why they describe none.</summary>
    public static (ShardPlan? Plan, string? Problem) Parse(string? count, string? ids)
    {
        int? fixedCount = null;
        var countText = (count ?? "").Trim();
        if (countText.Length > 0 && !countText.Equals(Auto, StringComparison.OrdinalIgnoreCase))
        {
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxShards)
            {
                return (null, $"Discord:ShardCount: \"{countText}\" is neither \"auto\" nor a whole number from 1 to {MaxShards}.");
            }

            fixedCount = n;
        }

        var idsText = (ids ?? "").Trim();
        if (idsText.Length == 0)
        {
            return (new ShardPlan(fixedCount, null), null);
        }

        var list = new SortedSet<int>();
        foreach (var part in idsText.Split(',', StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length is < 1 or > 2 || !range.All(r => int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return (null, $"Discord:ShardIds: \"{part}\" is not a shard id or a range such as 0-3.");
            }

            var first = int.Parse(range[0], CultureInfo.InvariantCulture);
            var last = int.Parse(range[^1], CultureInfo.InvariantCulture);
            if (first > last || last >= MaxShards)
            {
                return (null, $"Discord:ShardIds: \"{part}\" is not a range of shard ids from 0 to {MaxShards - 1}.");
            }

            if (fixedCount is { } c && last >= c)
            {
                return (null, $"Discord:ShardIds: shard {last} does not exist when Discord:ShardCount is {c} (ids run from 0 to {c - 1}).");
            }

            for (var id = first; id <= last; id++)
            {
                list.Add(id);
            }
        }

        return (new ShardPlan(fixedCount, [.. list]), null);
    }

    /// <summary>The shards to run once the count is known.</summary>
    public IReadOnlyList<GatewayShard> Resolve(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return [.. (Ids ?? Enumerable.Range(0, count).ToList()).Where(id => id < count).Select(id => new GatewayShard(id, count))];
    }
}
