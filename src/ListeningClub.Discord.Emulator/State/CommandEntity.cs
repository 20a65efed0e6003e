using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.State;

public sealed class CommandEntity
{
    public required ulong Id { get; init; }
    public ulong? GuildId { get; init; }
    public required ulong Version { get; set; }
    public required JsonObject Body { get; set; }

    public string Name => Body["name"]?.GetValue<string>() ?? "";

    public int Type => Body["type"]?.GetValue<int>() ?? 1;
}
