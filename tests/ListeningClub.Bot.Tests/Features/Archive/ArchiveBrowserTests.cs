using ListeningClub.Application.Nominations;
using ListeningClub.Application.Ratings;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Tests.Hosting;
using ListeningClub.Bot.Web;
using ListeningClub.Catalogue.Fakes.Hosting;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Features.Archive;

/// <summary>
/// The web archive in a real browser: headless Chromium (Debian's <c>chromium</c>, at <see cref="ChromiumPath"/>;
/// <c>.ci/run</c> installs it) driven by Playwright, against the whole bot, the catalogue fakes and a loopback image
/// server standing in for TMDB's. Screenshots of the pages are taken on every run (see <see cref="ScreenshotAsync"/>). Without the browser these
/// tests fail, saying so: they never skip.
/// </summary>
public sealed class ArchiveBrowserTests : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private const string ScriptTitle = "<script>alert(1)</script>";

    private CatalogueFakes _fakes = null!;
    private WebApplication _images = null!;
    private ArchiveSite _site = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"The browser tests need Chromium at {ChromiumPath} (Debian: apt-get install chromium; .ci/run installs it).");
        _fakes = await CatalogueFakes.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var images = builder.Build();
        images.MapGet("/t/p/{**path}", static () => Results.Text(PosterSvg, "image/svg+xml"));
        await images.StartAsync();
        _images = images;
        _site = await ArchiveSite.StartAsync(
            $"--Catalogue:Tmdb:BaseUrl={_fakes.TmdbBaseUrl}",
            $"--Catalogue:Tmdb:ApiKey={_fakes.State.Settings.TmdbApiKey}",
            $"--Catalogue:Tmdb:ImageBaseUrl={images.Urls.Single()}/t/p");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        if (_images is not null)
        {
            await _images.DisposeAsync();
        }

        if (_fakes is not null)
        {
            await _fakes.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reader_SeesThePickWithItsPoster_AScriptTitleAsText_NoDialog_AndADisabledLinkIs404()
    {
        var bot = _site.Bot;
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin"), ("method", "plurality")));
        await bot.CommandAsync("ana", "nominate", Sub("film", ("title", "tmdb:348"), ("pitch", "In space no one can hear you scream.")));
        var track = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!.Tracks[0];

        // The catalogue knows no such film, so the member would take it "as typed" with a button: the use case directly.
        var scripted = await bot.Get<NominationService>().NominateAsync(track, Member("ben"), MediaFactory.Film(ScriptTitle, 2001, null, null).Value, "<b>not bold</b>", default);
        Assert.True(scripted.IsSuccess, scripted.Problem?.Message);
        await bot.CommandAsync("boss", "club", Sub("open-voting", ("track", "Film Night")));
        var alien = (await bot.Get<NominationService>().ListCurrentAsync(track, default)).Nominations.Single(n => n.Media.Title == "Alien");
        Assert.True((await bot.Get<VotingService>().CastAsync(track, Member("cho"), [alien.Id], default)).IsSuccess);
        await bot.CommandAsync("boss", "club", Sub("close-voting", ("track", "Film Night")));
        var (_, slug) = await _site.ArchiveAsync("on");

        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var dialogs = new List<string>();
        var consoleErrors = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };

        var clubAnswer = await page.GotoAsync(new Uri(_site.BaseAddress, ArchiveRoutes.Club(slug!)).AbsoluteUri);
        Assert.Equal(200, clubAnswer!.Status);
        Assert.Equal("Film Night", await page.InnerTextAsync("h2"));
        var poster = page.Locator("ol.picks img").First;
        Assert.Equal("Poster of Alien", await poster.GetAttributeAsync("alt"));
        Assert.True(await PosterLoadedAsync(poster), "the poster loads");
        Assert.Equal("Alien", await page.InnerTextAsync("ol.picks a.title"));
        await ScreenshotAsync(page, "archive-club.png");

        await page.ClickAsync("ol.picks a.title");
        Assert.Equal("Alien", await page.InnerTextAsync("h1"));
        Assert.True(await PosterLoadedAsync(page.Locator(".hero img")), "the poster loads on the pick's page");
        var candidates = await page.Locator("table").First.InnerTextAsync();
        Assert.Contains(ScriptTitle + " (2001)", candidates, StringComparison.Ordinal);
        Assert.Contains("Ratings are sealed", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        Assert.Equal("Alien (1979) won with 1 vote of 1 (100%).", await page.InnerTextAsync("#count + p")); // names, never candidate ids
        var countRows = await page.Locator("table.count tbody tr").AllInnerTextsAsync();
        Assert.Equal(["Alien (1979)\t1", ScriptTitle + " (2001)\t0"], countRows); // the tally's numbers: cho's one ballot
        Assert.Equal(ArchiveRoutes.Script, await page.Locator("script").GetAttributeAsync("src")); // the only script: the archive's file
        var chart = page.Locator("img.chart");
        Assert.StartsWith("Bar chart of votes per nomination", await chart.GetAttributeAsync("alt"), StringComparison.Ordinal);
        Assert.Equal(1000, await chart.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth, () => 0)"));
        Assert.Equal(0, await page.Locator("b").CountAsync());
        Assert.Contains("matches the commitment", await page.InnerTextAsync("#tie-break + p + table"), StringComparison.Ordinal);
        await ScreenshotAsync(page, "archive-pick.png");

        Assert.Empty(dialogs);
        Assert.Empty(consoleErrors); // no CSP violation, no failed load

        await _site.ArchiveAsync("off");
        var gone = await page.GotoAsync(new Uri(_site.BaseAddress, ArchiveRoutes.Club(slug!)).AbsoluteUri);
        Assert.Equal(404, gone!.Status);
        Assert.DoesNotContain("Alien", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_SeesTimesInTheirOwnZone_TheRatingsPicture_AndTheStatsPage()
    {
        var bot = _site.Bot;
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin"), ("method", "plurality")));
        var track = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!.Tracks[0];
        var nominated = await bot.Get<NominationService>().NominateAsync(track, Member("ana"), MediaFactory.Film("Stalker", 1979, "Andrei Tarkovsky", null).Value, null, default);
        Assert.True(nominated.IsSuccess, nominated.Problem?.Message);
        await bot.CommandAsync("boss", "club", Sub("open-voting", ("track", "Film Night")));
        Assert.True((await bot.Get<VotingService>().CastAsync(track, Member("cho"), [nominated.Value.Id], default)).IsSuccess);
        await bot.CommandAsync("boss", "club", Sub("close-voting", ("track", "Film Night")));
        foreach (var (member, score) in new[] { ("ana", 10), ("ben", 3), ("cho", 8) })
        {
            Assert.True((await bot.Get<RatingService>().RateAsync(track, Member(member), score, null, default)).IsSuccess);
        }

        var cycle = (await bot.Get<ICycleRepository>().ListByTrackAsync(track.Id, default))[0];
        Assert.True((await bot.Get<RatingService>().RevealAsync(track, cycle.Id, default)).IsSuccess);
        var pick = (await bot.Get<IPickRepository>().GetByCycleAsync(cycle.Id, default))!;
        var (_, slug) = await _site.ArchiveAsync("on");

        await using var tokyo = await _browser.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "Asia/Tokyo", Locale = "en-GB", ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await tokyo.NewPageAsync();
        await page.GotoAsync(new Uri(_site.BaseAddress, ArchiveRoutes.Cycle(slug!, track.Id, 1)).AbsoluteUri);

        var announced = page.Locator("time + .local").First;
        var inTokyo = TimeZoneInfo.ConvertTime(pick.AnnouncedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var local = await announced.InnerTextAsync();
        Assert.Contains("your time", local, StringComparison.Ordinal);
        Assert.Contains(inTokyo.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), local, StringComparison.Ordinal);
        Assert.Contains("GMT+9", local, StringComparison.Ordinal);
        var charts = page.Locator("img.chart");
        Assert.Equal(2, await charts.CountAsync()); // the count and, revealed, the ratings
        Assert.StartsWith("Bar chart of 3 ratings by score: 10/10 × 1, 8/10 × 1, 3/10 × 1.", await charts.Nth(1).GetAttributeAsync("alt"), StringComparison.Ordinal);
        Assert.Equal(1000, await charts.Nth(1).EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth, () => 0)"));

        await page.GotoAsync(new Uri(_site.BaseAddress, ArchiveRoutes.Club(slug!)).AbsoluteUri);
        await page.ClickAsync("text=Stats and leaderboards");
        Assert.Equal("Stats and leaderboards", await page.InnerTextAsync("h1"));
        var body = await page.InnerTextAsync("main");
        Assert.Contains("Stalker (1979)", await page.InnerTextAsync("h3:has-text('Most divisive') + table"), StringComparison.Ordinal);
        Assert.Contains("±2.9", body, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Guild.Users["ana"], await page.ContentAsync(), StringComparison.Ordinal); // members stay in Discord
        await ScreenshotAsync(page, "archive-stats.png");
    }

    private ulong Member(string name) => ulong.Parse(_site.Bot.Guild.Users[name], System.Globalization.CultureInfo.InvariantCulture);

    private static Task<bool> PosterLoadedAsync(ILocator image) =>
        image.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)");

    /// <summary>
    /// Every run takes the screenshot; it replaces the README's copy in <c>docs/screenshots/</c> only when
    /// <c>LISTENINGCLUB_UPDATE_SCREENSHOTS=1</c> (so a test run leaves the working tree clean), else it goes beside the test binaries.
    /// </summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("LISTENINGCLUB_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(ReadmeTests.RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }

    private const string PosterSvg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="342" height="513" viewBox="0 0 342 513">
          <rect width="342" height="513" fill="#101820"/>
          <circle cx="171" cy="200" r="90" fill="#2f4f4f"/>
          <text x="171" y="420" font-family="sans-serif" font-size="48" fill="#e0e0e0" text-anchor="middle">POSTER</text>
        </svg>
        """;
}
