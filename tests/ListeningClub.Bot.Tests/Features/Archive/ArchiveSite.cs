using System.Text.RegularExpressions;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Bot.Web;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Features.Archive;

/// <summary>The whole bot with its web server on a free loopback port, and an HTTP client for its archive.</summary>
public sealed partial class ArchiveSite : IAsyncDisposable
{
    private ArchiveSite(RunningBot bot, HttpClient http)
    {
        Bot = bot;
        Http = http;
    }

    public RunningBot Bot { get; }

    /// <summary>A client at the web server's address; it follows no redirects.</summary>
    public HttpClient Http { get; }

    public Uri BaseAddress => Http.BaseAddress!;

    public static async Task<ArchiveSite> StartAsync(params string[] args)
    {
        var bot = await RunningBot.StartAsync(new RunningBotSettings { Args = ["--Web:Enabled=true", "--Web:Urls=http://127.0.0.1:0", .. args] });
        var address = Assert.Single(bot.Get<WebServer>().Addresses);
        return new ArchiveSite(bot, new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address });
    }

    /// <summary>Runs <c>/club archive {action}</c> as the server owner and returns the slug of the link it gave (null when none).</summary>
    public async Task<(string Reply, string? Slug)> ArchiveAsync(string action, params (string Name, object Value)[] options)
    {
        var reply = Content(await Bot.CommandAsync("boss", "club", Group("archive", action, options)));
        var match = LinkSlug().Match(reply);
        return (reply, match.Success ? match.Groups["slug"].Value : null);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Bot.DisposeAsync();
    }

    [GeneratedRegex(@"/c/(?<slug>[A-Za-z0-9_-]+)/>")]
    private static partial Regex LinkSlug();
}
