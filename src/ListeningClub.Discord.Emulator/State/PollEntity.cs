using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.State;

public sealed class PollEntity
{
    public required JsonObject Question { get; init; }
    public required List<(int Id, JsonObject Media)> Answers { get; init; }
    public required DateTimeOffset Expiry { get; set; }
    public bool AllowMultiselect { get; init; }
    public int LayoutType { get; init; } = 1;
    public bool Finalized { get; set; }
    public Dictionary<int, SortedSet<ulong>> Votes { get; } = [];
}
