using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ListeningClub.Benchmarks.Hosting;

/// <summary>
/// The built bot (<c>dotnet ListeningClub.Bot.dll</c>, copied beside the benchmarks) configured through environment
/// variables only, as it is deployed; its output lines are kept, and its memory and CPU time are read from /proc.
/// </summary>
internal sealed class BotChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private BotChildProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyCollection<string> Lines => _lines;

    /// <param name="settings">Configuration keys (<c>Discord:Token</c>), passed as <c>ListeningClub__Discord__Token</c>.</param>
    public static BotChildProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ListeningClub.Bot.dll"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ListeningClub__Health__Port"] = FreePort().ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            start.Environment["ListeningClub__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new BotChildProcess(Process.Start(start) ?? throw new InvalidOperationException("The bot did not start."));
    }

    /// <summary>VmRSS and VmHWM (peak resident) in MB, from /proc/{pid}/status.</summary>
    public (double Rss, double Peak) Memory()
    {
        var fields = File.ReadLines($"/proc/{Id}/status").Select(line => line.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
        static double Mb(string kb) => long.Parse(kb.Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        return (Mb(fields["VmRSS"]), Mb(fields["VmHWM"]));
    }

    /// <summary>User plus system CPU time so far (utime and stime from /proc/{pid}/stat, in clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>SIGTERM (as systemd stops it), then a kill if it has not stopped within <paramref name="patience"/>.</summary>
    public async Task StopAsync(TimeSpan patience)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("sh", ["-c", $"kill -TERM {Id.ToString(CultureInfo.InvariantCulture)}"]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
