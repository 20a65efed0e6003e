using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ListeningClub.Storage.Tests.Support;

/// <summary>Starts ListeningClub.Storage.CrashProbe as a real child process and follows its output.</summary>
public sealed partial class ProbeProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<ulong> _acknowledged = [];
    private readonly System.Text.StringBuilder _stderr = new();

    private ProbeProcess(Process process)
    {
        _process = process;
    }

    public static string ProbePath => Path.Combine(AppContext.BaseDirectory, "ListeningClub.Storage.CrashProbe.dll");

    public int ExitCode => _process.ExitCode;

    public string StandardError
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public IReadOnlyList<ulong> Acknowledged
    {
        get
        {
            lock (_gate)
            {
                return [.. _acknowledged];
            }
        }
    }

    public static ProbeProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ProbePath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var probe = new ProbeProcess(process);
        process.OutputDataReceived += (_, e) => probe.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (probe._gate)
                {
                    probe._stderr.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => probe._ready.TrySetException(new InvalidOperationException("The probe exited before it was ready: " + probe.StandardError));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return probe;
    }

    /// <summary>Waits until the probe printed READY (its store is open).</summary>
    public Task WaitReadyAsync() => _ready.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no finalizers, no flush, no dispose: the process simply stops.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line == "READY")
        {
            _ready.TrySetResult();
            return;
        }

        // Only complete lines count: a line cut short by the kill does not end in " end".
        var match = AckLine().Match(line);
        if (match.Success)
        {
            lock (_gate)
            {
                _acknowledged.Add(ulong.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [GeneratedRegex(@"^ack (\d+) end$")]
    private static partial Regex AckLine();
}
