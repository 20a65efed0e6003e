namespace ListeningClub.Discord.Gateway;

/// <summary>
/// The gateway connection as health checks see it. <paramref name="ConnectedAt"/> is when the current session was
/// established (READY or RESUMED; 0 while disconnected); <paramref name="LastHeartbeatAckAt"/> when Discord last
/// acknowledged a heartbeat (0 if never). Both are <see cref="TimeProvider.GetTimestamp"/> values.
/// </summary>
public readonly record struct GatewayStatus(long ConnectedAt, long LastHeartbeatAckAt)
{
    public bool Connected => ConnectedAt != 0;
}
