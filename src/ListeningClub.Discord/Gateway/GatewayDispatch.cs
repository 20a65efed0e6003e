using System.Text.Json;

namespace ListeningClub.Discord.Gateway;

/// <summary>
/// One dispatch (op 0): event name, sequence, data, and when it was received (a <see cref="TimeProvider"/>
/// timestamp, monotonic: deadlines such as the interaction's 3 s are measured from it).
/// </summary>
public sealed record GatewayDispatch(string Name, int Sequence, JsonElement Data, long ReceivedAt);
