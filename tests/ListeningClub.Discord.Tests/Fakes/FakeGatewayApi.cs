using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest.Resources;

namespace ListeningClub.Discord.Tests.Fakes;

public sealed class FakeGatewayApi : IGatewayApi
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public SessionStartLimit Limit { get; set; } = new() { Total = 1000, Remaining = 999, ResetAfter = 14_400_000, MaxConcurrency = 1 };

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new GatewayBotInfo { Url = "wss://gateway.test", Shards = 1, SessionStartLimit = Limit });
    }
}
