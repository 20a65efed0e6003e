namespace ListeningClub.Discord.Gateway;

/// <summary>One gateway shard: its id and how many shards the bot runs in all (Identify's <c>shard: [id, count]</c>).</summary>
public readonly record struct GatewayShard(int Id, int Count)
{
    /// <summary>The shard Discord sends a guild's events to: <c>(guild_id &gt;&gt; 22) % count</c> (events without a guild go to shard 0).</summary>
    public static int Of(ulong guildId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (int)((guildId >> 22) % (ulong)count);
    }

    /// <summary>Whether this shard receives the guild's events.</summary>
    public bool Owns(ulong guildId) => Of(guildId, Count) == Id;

    public override string ToString() => $"{Id}/{Count}";
}
