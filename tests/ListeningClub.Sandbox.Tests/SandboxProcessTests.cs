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
        Assert.DoesNotContain("seeding the demo server", sandbox.Output, StringComparison.Ordinal); // the bot took every seeding command

        // Nothing outside the sandbox folder: its working folder holds only that folder; HOME and TMPDIR are as they were.
        Assert.Equal(["sandbox-data"], Directory.EnumerateFileSystemEntries(sandbox.WorkFolder).Select(Path.GetFileName));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(sandbox.Root, "home"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(sandbox.Root, "tmp"), "*", SearchOption.AllDirectories));
        Assert.Contains("listeningclub.db", Directory.EnumerateFiles(sandbox.DataFolder).Select(Path.GetFileName));

        // And no process left running from it.
        Assert.Empty(ProcessesIn(sandbox.Root));
    }

    [Fact]
    public async Task ThePage_RefusesOtherHostsAndCrossSiteActions_AndAutoplayRunsTheNextStepByItself()
    {
        await using var sandbox = await SandboxProcess.StartAsync();
        var url = await sandbox.Url;
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(120) };

        // DNS rebinding: a page elsewhere that resolves its own name to 127.0.0.1 gets nothing.
        using (var rebound = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "attacker.example" } })
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.SendAsync(rebound)).StatusCode);
        }

        // A cross-site form or script cannot act: actions are same-origin JSON only.
        using (var form = new HttpRequestMessage(HttpMethod.Post, "/api/autoplay") { Content = new FormUrlEncodedContent([new("seconds", "10")]) })
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.SendAsync(form)).StatusCode);
        }

        using (var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/autoplay") { Content = Json("""{"seconds":10}""") })
        {
            crossSite.Headers.Add("Origin", "https://attacker.example");
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.SendAsync(crossSite)).StatusCode);
        }

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.PostAsync("/api/autoplay", Json("""{"seconds":7}"""))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.PostAsync("/api/command", Json("""{"as":"1","channel":"1","path":"help"}"""))).StatusCode);

        // Autoplay every 10 s: the album track's next step (a voting reminder) comes without anyone pressing a button.
        // Waits on the page's own live updates (Server-Sent Events), reading the channel after each change.
        var album = await AlbumChannelAsync(http);
        Assert.DoesNotContain("Voting for", await ViewAsync(http, album), StringComparison.Ordinal);
        Assert.True((await http.PostAsync("/api/autoplay", Json("""{"seconds":10}"""))).IsSuccessStatusCode);
        using var events = new StreamReader(await http.GetStreamAsync("/events"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!(await ViewAsync(http, album)).Contains("⏰ Voting for", StringComparison.Ordinal))
        {
            string? line;
            do
            {
                line = await events.ReadLineAsync(timeout.Token);
            }
            while (line is not null && !line.StartsWith("event: change", StringComparison.Ordinal));
            Assert.NotNull(line);
        }

        Assert.True((await http.PostAsync("/api/autoplay", Json("""{"seconds":0}"""))).IsSuccessStatusCode);
        await sandbox.StopAsync();
        Assert.Equal(0, sandbox.ExitCode);
    }

    private static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");

    private static async Task<string> AlbumChannelAsync(HttpClient http)
    {
        var page = await http.GetStringAsync("/");
        var match = System.Text.RegularExpressions.Regex.Match(page, "href=\"/\\?channel=(\\d+)&amp;as=\\d+\"># album-club");
        Assert.True(match.Success, "the channel list links #album-club");
        return match.Groups[1].Value;
    }

    private static async Task<string> ViewAsync(HttpClient http, string channel)
    {
        using var view = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/view?channel={channel}"));
        return view.RootElement.GetProperty("messages").GetString()!;
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
