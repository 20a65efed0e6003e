using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.State;

public sealed class ScheduledEventEntity
{
    public required ulong Id { get; init; }
    public required ulong GuildId { get; init; }
    public required ulong CreatorId { get; init; }
    public required JsonObject Body { get; set; }
    public HashSet<ulong> Subscribers { get; } = [];
}
