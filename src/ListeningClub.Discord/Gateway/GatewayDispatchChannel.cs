using System.Threading.Channels;
using ListeningClub.Discord.Configuration;
using Microsoft.Extensions.Options;

namespace ListeningClub.Discord.Gateway;

/// <summary>The bounded hand-off between the gateway's receive loop and the dispatch handlers.</summary>
public sealed class GatewayDispatchChannel(IOptions<DiscordOptions> options)
{
    private readonly Channel<GatewayDispatch> _channel = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(options.Value.DispatchQueueCapacity)
    {
        SingleWriter = true,
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelWriter<GatewayDispatch> Writer => _channel.Writer;

    public ChannelReader<GatewayDispatch> Reader => _channel.Reader;
}
