using System.Diagnostics;

namespace ListeningClub.Bot.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_WithoutToken_ExitsWithAClearMessageAndNoStackTrace()
    {
        var (exitCode, stdout, stderr) = await RunBotAsync(environment: new() { ["ListeningClub__Discord__Token"] = null });

        Assert.Equal(2, exitCode);
        Assert.Contains("Discord:Token: not set", stderr, StringComparison.Ordinal);
        Assert.Contains("ListeningClub__Discord__Token", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunBotAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var botDll = Path.Combine(AppContext.BaseDirectory, "ListeningClub.Bot.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(botDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

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

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
