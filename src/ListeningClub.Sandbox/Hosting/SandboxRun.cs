using System.Runtime.InteropServices;

namespace ListeningClub.Sandbox.Hosting;

/// <summary>
/// <c>dotnet run -c Release --project src/ListeningClub.Sandbox</c>: starts the sandbox, prints one line (the page's
/// address) and runs until Ctrl+C or SIGTERM, then stops everything and exits 0. A problem the user can fix (a bad
/// argument, a folder that is not the sandbox's, a port in use) is one line on standard error and exit code 2.
/// </summary>
public static class SandboxRun
{
    public const int ProblemExitCode = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var (settings, problem) = SandboxSettings.Parse(args);
        if (settings is null)
        {
            await Console.Error.WriteLineAsync($"ListeningClub sandbox: {problem}").ConfigureAwait(false);
            return ProblemExitCode;
        }

        if (SandboxFolder.Prepare(settings.DataFolder) is { } folderProblem)
        {
            await Console.Error.WriteLineAsync($"ListeningClub sandbox: {folderProblem}").ConfigureAwait(false);
            return ProblemExitCode;
        }

        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        Sandbox sandbox;
        try
        {
            sandbox = await Sandbox.StartAsync(settings, stop.Token).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"ListeningClub sandbox: port {settings.Port} is in use on 127.0.0.1. Choose another with --port <number> (0 picks a free one).").ConfigureAwait(false);
            return ProblemExitCode;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }

        await using (sandbox.ConfigureAwait(false))
        {
            await Console.Out.WriteLineAsync($"ListeningClub sandbox: open {sandbox.Url}").ConfigureAwait(false);
            await Console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop everything, in order.
            }
        }

        return 0;
    }
}
