using System.Net.Sockets;
using System.Text;
using ListeningClub.Bot.Tests.Support;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>
/// The unit is <c>Type=notify</c>: systemd waits for <c>READY=1</c> on its <c>NOTIFY_SOCKET</c>. The executable, given
/// such a socket as systemd gives it (and with no systemd for a parent, as under the unit's <c>ProtectProc=invisible</c>),
/// says it is ready once started and that it is stopping on SIGTERM, and logs in systemd's format.
/// </summary>
public sealed class SystemdNotifyTests : IDisposable
{
    private readonly string _socketPath = Path.Combine(Path.GetTempPath(), $"lc-notify-{Guid.NewGuid():N}"[..24] + ".sock");

    [Fact]
    public async Task UnderAServiceManager_TheBotSaysReady_ThenStopping_AndLogsWithJournalPriorities()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(_socketPath));

        await using var bot = await ExecutableBot.StartAsync(environment: new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = _socketPath });

        Assert.Equal("READY=1", await ReceiveAsync(socket));
        Assert.Contains(bot.Process.Lines, line => line.StartsWith("<6>", StringComparison.Ordinal)); // information, as journald reads it

        bot.Process.Terminate();

        Assert.Equal("STOPPING=1", await ReceiveAsync(socket));
        Assert.Equal(0, await bot.Process.WaitForExitAsync(RunningBot.Patience));
    }

    [Fact]
    public async Task UnderAServiceManager_JsonLogsAsked_StayJson()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(_socketPath));

        await using var bot = await ExecutableBot.StartAsync(environment: new Dictionary<string, string?>
        {
            ["NOTIFY_SOCKET"] = _socketPath,
            ["ListeningClub__Logging__Console__FormatterName"] = "json",
        });

        Assert.Equal("READY=1", await ReceiveAsync(socket));
        Assert.NotEmpty(bot.Process.Lines);
        Assert.All(bot.Process.Lines, line => Assert.StartsWith("{", line, StringComparison.Ordinal)); // one JSON object per line
    }

    private static async Task<string> ReceiveAsync(Socket socket)
    {
        using var patience = new CancellationTokenSource(RunningBot.Patience);
        var buffer = new byte[256];
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, patience.Token);
        return Encoding.UTF8.GetString(buffer, 0, read).Trim();
    }

    public void Dispose() => File.Delete(_socketPath);
}
