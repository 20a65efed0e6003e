using System.Diagnostics;

namespace ListeningClub.Benchmarks.Hosting;

/// <summary>
/// This benchmark executable run again as a child process for one hosting scenario (the emulator, the catalogue
/// fakes), so the child's work and garbage collections do not land on what is measured. The child writes one ready
/// line (a prefix and its details) when it listens, and stops when its standard input closes.
/// </summary>
internal sealed class ChildScenario : IAsyncDisposable
{
    private readonly Process _process;

    private ChildScenario(Process process, string[] ready)
    {
        _process = process;
        Ready = ready;
    }

    /// <summary>The words of the child's ready line after its prefix.</summary>
    public IReadOnlyList<string> Ready { get; }

    public static async Task<ChildScenario> StartAsync(string scenario, string readyPrefix, params string[] args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildScenario).Assembly.Location);
        }

        foreach (var arg in (string[])["--scenario", scenario, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"The {scenario} process did not start.");
        while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith(readyPrefix, StringComparison.Ordinal))
            {
                return new ChildScenario(process, line[readyPrefix.Length..].Split(' '));
            }
        }

        throw new InvalidOperationException($"The {scenario} process exited before it was ready.");
    }

    /// <summary>The child's side: say it is ready, then run until standard input closes (the parent is done, or gone).</summary>
    public static async Task ServeAsync(string readyLine)
    {
        await Console.Out.WriteLineAsync(readyLine).ConfigureAwait(false);
        await Console.Out.FlushAsync().ConfigureAwait(false);
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
        {
            // Nothing is sent; end of input is the signal.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
