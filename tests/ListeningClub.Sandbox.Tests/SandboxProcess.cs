using System.Collections.Concurrent;
using System.Diagnostics;

namespace ListeningClub.Sandbox.Tests;

/// <summary>
/// The built sandbox as a user runs it (<c>dotnet ListeningClub.Sandbox.dll</c>), started in a fresh folder of its own
/// (its working folder, and HOME and TMPDIR beside it, so a test can see every file it leaves), with every output line
/// captured. Waits for its one line, the page's address, on the process's own output (an event, not a poll).
/// </summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SandboxProcess(Process process, string root)
    {
        _process = process;
        Root = root;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _url.TrySetException(new InvalidOperationException($"The sandbox closed its output before printing its address.\n{Output}"));
                return;
            }

            _stdout.Enqueue(e.Data);
            var at = e.Data.IndexOf("http://", StringComparison.Ordinal);
            if (at >= 0)
            {
                _url.TrySetResult(new Uri(e.Data[at..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _stderr.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The test's folder: <c>work</c> (the sandbox's working folder), <c>home</c> and <c>tmp</c>.</summary>
    public string Root { get; }

    public string WorkFolder => Path.Combine(Root, "work");

    public string DataFolder => Path.Combine(WorkFolder, "sandbox-data");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> StandardOutput => [.. _stdout];

    public string Output => $"stdout:\n{string.Join('\n', _stdout)}\nstderr:\n{string.Join('\n', _stderr)}";

    public Task<Uri> Url => _url.Task;

    public static async Task<SandboxProcess> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "listeningclub-sandbox-tests", Guid.NewGuid().ToString("N"));
        foreach (var folder in new[] { "work", "home", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(root, "work"),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ListeningClub.Sandbox.dll"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ListeningClub__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = Path.Combine(root, "home");
        start.Environment["TMPDIR"] = Path.Combine(root, "tmp");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var sandbox = new SandboxProcess(Process.Start(start)!, root);
        try
        {
            await sandbox.Url.WaitAsync(StartTimeout);
            return sandbox;
        }
        catch (TimeoutException)
        {
            await sandbox.DisposeAsync();
            throw new TimeoutException($"The sandbox did not print its address within {StartTimeout.TotalSeconds:0} s.\n{sandbox.Output}");
        }
    }

    /// <summary>
    /// Ctrl+C (SIGINT), then waits for the process to end by itself. When this test run was started from a background job
    /// (e.g. <c>nohup .ci/run &amp;</c>), POSIX has every process of it ignore SIGINT, the sandbox included: no Ctrl+C can
    /// reach it, and a user stops such a process with SIGTERM, which the sandbox handles the same way. Then SIGTERM is sent.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        var signal = InterruptIgnored() ? "-TERM" : "-INT";
        using (var kill = Process.Start(new ProcessStartInfo("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The sandbox did not stop within {StopTimeout.TotalSeconds:0} s of {(signal == "-INT" ? "Ctrl+C" : "SIGTERM")}.\n{Output}");
        }
    }

    /// <summary>Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status), which its children inherit.</summary>
    private static bool InterruptIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & 0x2) != 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
