using System.Text.Json;

namespace ListeningClub.Bot.Features.Health;

/// <summary>The facts <c>/healthz</c> reports. Healthy when every one of them is good.</summary>
public sealed record HealthReport(bool GatewayConnected, double? SecondsSinceHeartbeatAck, bool HeartbeatFresh, bool StoreWritable, bool SchedulerRunning, string? StoreProblem)
{
    public bool Healthy => GatewayConnected && HeartbeatFresh && StoreWritable && SchedulerRunning;

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", Healthy ? "healthy" : "unhealthy");
            json.WriteBoolean("gatewayConnected", GatewayConnected);
            if (SecondsSinceHeartbeatAck is { } seconds)
            {
                json.WriteNumber("secondsSinceHeartbeatAck", Math.Round(seconds, 1));
            }
            else
            {
                json.WriteNull("secondsSinceHeartbeatAck");
            }

            json.WriteBoolean("storeWritable", StoreWritable);
            if (StoreProblem is not null)
            {
                json.WriteString("storeProblem", StoreProblem);
            }

            json.WriteBoolean("schedulerRunning", SchedulerRunning);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
