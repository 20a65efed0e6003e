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

        // The dispatcher's loop only takes a slot and hands the dispatch to the thread pool, so it may run on the
        // receive loop's thread: one thread hop less per dispatch, and the receive loop still never blocks.
        AllowSynchronousContinuations = true,
    });

    public ChannelWriter<GatewayDispatch> Writer => _channel.Writer;

    public ChannelReader<GatewayDispatch> Reader => _channel.Reader;
}
