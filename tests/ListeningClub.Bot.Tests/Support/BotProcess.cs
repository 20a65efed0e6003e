using System.Collections.Concurrent;
using System.Diagnostics;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>
/// The built executable (<c>dotnet ListeningClub.Bot.dll</c>, as the README runs it), configured only through
/// environment variables and arguments, with every stdout and stderr line captured.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private BotProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Every line written so far, stdout and stderr interleaved.</summary>
    public IReadOnlyList<string> Lines => _output.ToArray();

    public string Output => string.Join('\n', _output);

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static BotProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = StartInfo(environment, args);
        return new BotProcess(Process.Start(start)!);
    }

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment, IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ListeningClub.Bot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Start from a clean slate: nothing from the test runner's environment configures the bot (nor a service manager's socket).
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ListeningClub__", StringComparison.Ordinal) || k.StartsWith("Logging__", StringComparison.Ordinal) || k is "NOTIFY_SOCKET" or "LISTEN_PID").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    /// <summary>Sends SIGTERM, as <c>docker stop</c> and <c>systemctl stop</c> do.</summary>
    public void Terminate() => Signal("TERM");

    private void Signal(string name)
    {
        // The shell's built-in kill: a kill binary is not in every image (e.g. the SDK container that runs the tests).
        using var kill = Process.Start(new ProcessStartInfo("sh", ["-c", $"kill -{name} {_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}"]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>Sends SIGKILL (kill -9): the bot gets no chance to stop, drain or checkpoint.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // flushes the redirected streams
        return _process.ExitCode;
    }

    public async Task WaitForLineAsync(Func<string, bool> match, string what)
    {
        await RunningBot.WaitUntilAsync(() => Task.FromResult(_output.Any(match) || _process.HasExited), what);
        if (!_output.Any(match))
        {
            throw new InvalidOperationException($"The bot exited before {what}:\n{Output}");
        }
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
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
}
