using System.Globalization;

namespace ListeningClub.Sandbox.Tests;

/// <summary>The sandbox as a process: loopback only, one line of output, Ctrl+C stops it cleanly and it leaves nothing behind but its folder.</summary>
public sealed class SandboxProcessTests
{
    [Fact]
    public async Task Sandbox_ListensOnLoopbackOnly_PrintsOneLine_AndCtrlCStopsIt_LeavingNoProcessAndNoFileOutsideItsFolder()
    {
        await using var sandbox = await SandboxProcess.StartAsync();
        var url = await sandbox.Url;
        Assert.Equal("127.0.0.1", url.Host);

        // Every socket it listens on (the page's and the emulator's) is bound to the loopback address.
        var listening = ListeningAddresses(sandbox.Id);
        Assert.True(listening.Count >= 2, $"expected the page and the emulator to listen; found {string.Join(", ", listening)}");
        Assert.All(listening, address => Assert.True(IsLoopback(address), $"{address} is not a loopback address"));
        Assert.Contains(listening, address => address.EndsWith(":" + url.Port.ToString("X4", CultureInfo.InvariantCulture), StringComparison.Ordinal));

        using (var http = new HttpClient())
        {
            var page = await http.GetAsync(url);
            Assert.True(page.IsSuccessStatusCode);
            Assert.Equal(SandboxPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        }

        await sandbox.StopAsync();
        Assert.Equal(0, sandbox.ExitCode);
        Assert.Equal(["ListeningClub sandbox: open " + url], sandbox.StandardOutput);

        // Nothing outside the sandbox folder: its working folder holds only that folder; HOME and TMPDIR are as they were.
        Assert.Equal(["sandbox-data"], Directory.EnumerateFileSystemEntries(sandbox.WorkFolder).Select(Path.GetFileName));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(sandbox.Root, "home"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(sandbox.Root, "tmp"), "*", SearchOption.AllDirectories));
        Assert.Contains("listeningclub.db", Directory.EnumerateFiles(sandbox.DataFolder).Select(Path.GetFileName));

        // And no process left running from it.
        Assert.Empty(ProcessesIn(sandbox.Root));
    }

    private const string SandboxPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The local addresses ("0100007F:1F90") of the TCP sockets <paramref name="pid"/> listens on, from /proc.</summary>
    private static List<string> ListeningAddresses(int pid)
    {
        var inodes = Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .OfType<string>()
            .Where(target => target.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(target => target[8..^1])
            .ToHashSet(StringComparer.Ordinal);
        var addresses = new List<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && columns[3] == "0A" && inodes.Contains(columns[9]))
                {
                    addresses.Add(columns[1]);
                }
            }
        }

        return addresses;
    }

    private static bool IsLoopback(string address)
    {
        var host = address[..address.IndexOf(':', StringComparison.Ordinal)];
        return host is "0100007F" or "00000000000000000000000001000000" or "0000000000000000FFFF00000100007F";
    }

    private static List<string> ProcessesIn(string root) =>
        Directory.EnumerateDirectories("/proc")
            .Where(p => int.TryParse(Path.GetFileName(p), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Where(p =>
            {
                try
                {
                    return new DirectoryInfo(Path.Combine(p, "cwd")).LinkTarget?.StartsWith(root, StringComparison.Ordinal) == true;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return false;
                }
            })
            .ToList();
}
