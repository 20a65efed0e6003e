using System.Net;
using System.Text.Json;
using ListeningClub.Application.Archive;
using ListeningClub.Application.Ratings;
using ListeningClub.Bot.Rendering.Charts;
using ListeningClub.Bot.Web;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using SkiaSharp;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Features.Archive;

/// <summary>
/// The web archive over HTTP, served by the whole bot (real Kestrel on a loopback port) against the emulator: what a
/// reader with the link sees, what nobody without it sees, and what stays secret until Discord reveals it.
/// </summary>
public sealed class ArchiveWebTests
{
    private const string ScriptTitle = "<script>alert(1)</script>";

    [Fact]
    public async Task ArchivePages_AfterAPick_ShowTheTrackAndThePick_EscapeItsTitle_AndKeepRatingsSealedUntilTheReveal()
    {
        await using var site = await ArchiveSite.StartAsync();
        var bot = site.Bot;
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin"), ("method", "plurality")));
        await bot.CommandAsync("ana", "nominate", Sub("film", ("title", ScriptTitle), ("year", 1999), ("pitch", "<img src=x onerror=alert(2)> & friends")));
        await bot.CommandAsync("boss", "club", Sub("open-voting", ("track", "Film Night")));
        await bot.CommandAsync("boss", "club", Sub("close-voting", ("track", "Film Night")));
        await bot.CommandAsync("ben", "rate", Plain(("score", 9), ("review", "sealed-review-words")));

        var (reply, slug) = await site.ArchiveAsync("on");

        Assert.NotNull(slug);
        Assert.Contains("web archive is on", reply, StringComparison.Ordinal);
        Assert.Contains(site.BaseAddress.Authority, reply, StringComparison.Ordinal);
        var clubPage = await site.Http.GetAsync(ArchiveRoutes.Club(slug));
        Assert.Equal(HttpStatusCode.OK, clubPage.StatusCode);
        Assert.Equal("text/html", clubPage.Content.Headers.ContentType?.MediaType);
        var club = await clubPage.Content.ReadAsStringAsync();
        Assert.Contains("<h2>Film Night</h2>", club, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", club, StringComparison.Ordinal);
        AssertOnlyTheArchiveScript(club);
        Assert.Contains("Now: cycle 1, the pick has been announced.", club, StringComparison.Ordinal);

        var track = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!.Tracks[0];
        var cycleUrl = ArchiveRoutes.Cycle(slug, track.Id, 1);
        Assert.Contains($"href=\"{cycleUrl}\"", club, StringComparison.Ordinal);
        var sealedPage = await site.Http.GetStringAsync(cycleUrl);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", sealedPage, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt; &amp; friends", sealedPage, StringComparison.Ordinal);
        AssertOnlyTheArchiveScript(sealedPage);
        Assert.DoesNotContain("<img src=x", sealedPage, StringComparison.Ordinal);
        Assert.Contains("Ratings are sealed", sealedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("ratings.png", sealedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync(ArchiveRoutes.RatingsPicture(slug, track.Id, 1))).StatusCode);
        Assert.DoesNotContain("sealed-review-words", sealedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("sealed-review-words", await site.Http.GetStringAsync(ArchiveRoutes.HistoryJson(slug)), StringComparison.Ordinal);
        Assert.Contains("matches the commitment", sealedPage, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"count\">The count</h2>", sealedPage, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\"><strong>&lt;script&gt;alert(1)&lt;/script&gt; (1999)</strong></th><td class=\"num\">0</td></tr>", sealedPage, StringComparison.Ordinal);

        // The reveal (which the next announcement does) opens them.
        var cycle = (await bot.Get<ICycleRepository>().ListByTrackAsync(track.Id, default))[0];
        Assert.True((await bot.Get<RatingService>().RevealAsync(track, cycle.Id, default)).IsSuccess);
        var revealed = await site.Http.GetStringAsync(cycleUrl);
        Assert.Contains("Mean <strong>9.0</strong>/10", revealed, StringComparison.Ordinal);
        Assert.Contains($"src=\"{ArchiveRoutes.RatingsPicture(slug, track.Id, 1)}\" alt=\"Bar chart of 1 rating by score: 9/10 × 1. Mean 9.0, median 9.", WebUtility.HtmlDecode(revealed), StringComparison.Ordinal);
        using var ratingsPicture = await site.Http.GetAsync(ArchiveRoutes.RatingsPicture(slug, track.Id, 1));
        Assert.Equal("image/png", ratingsPicture.Content.Headers.ContentType?.MediaType);
        using (var bitmap = SKBitmap.Decode(await ratingsPicture.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((RatingsChart.Width, RatingsChart.Height), (bitmap.Width, bitmap.Height));
        }

        Assert.Contains("sealed-review-words", revealed, StringComparison.Ordinal);
        Assert.Contains("rated 9.0/10 by 1", await site.Http.GetStringAsync(ArchiveRoutes.Club(slug)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeaders_AndPagesAnETagThatAnswers304()
    {
        await using var site = await ArchiveSite.StartAsync();
        var bot = site.Bot;
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin")));
        var (_, slug) = await site.ArchiveAsync("on");

        foreach (var path in new[] { ArchiveRoutes.Club(slug!), "/c/AAAAAAAAAAAAAAAAAAAAAAAAAAA/", ArchiveRoutes.Stylesheet, "/nothing-here" })
        {
            using var answer = await site.Http.GetAsync(path);
            var policy = string.Join(",", answer.Headers.GetValues("Content-Security-Policy"));
            Assert.StartsWith("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https:", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(answer.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(answer.Headers.GetValues("Referrer-Policy")));
            Assert.False(answer.Headers.Contains("Server"), "Kestrel does not name itself");
        }

        using var page = await site.Http.GetAsync(ArchiveRoutes.Club(slug!));
        var etag = page.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(page.Headers.CacheControl is { Private: true, NoCache: true }, page.Headers.CacheControl?.ToString());
        using var again = new HttpRequestMessage(HttpMethod.Get, ArchiveRoutes.Club(slug!));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await site.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var css = await site.Http.GetAsync(ArchiveRoutes.Stylesheet);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var script = await site.Http.GetAsync(ArchiveRoutes.Script);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("innerHTML", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_UnknownRotatedAndDisabled_Answer404Everywhere_AndOnlyTheCurrentLinkWorks()
    {
        await using var site = await ArchiveSite.StartAsync();
        var bot = site.Bot;
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin")));
        var track = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!.Tracks[0];

        var (refused, _) = await site.ArchiveAsync("rotate-link");
        Assert.Contains("archive is off", refused, StringComparison.Ordinal);
        var (_, first) = await site.ArchiveAsync("on");
        var (_, stillFirst) = await site.ArchiveAsync("on");
        var (rotatedReply, second) = await site.ArchiveAsync("rotate-link");

        Assert.Equal(first, stillFirst);
        Assert.Contains("new link", rotatedReply, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.True(second!.Length >= 27, "at least 160 random bits, base64url");
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(ArchiveRoutes.Club(second))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(ArchiveRoutes.HistoryJson(second))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(ArchiveRoutes.Letterboxd(second, track.Id))).StatusCode);
        await AssertGoneAsync(site, first!, track);
        await AssertGoneAsync(site, ClubArchiveService.NewSlug(), track);
        await AssertGoneAsync(site, second.ToUpperInvariant(), track);

        var (offReply, none) = await site.ArchiveAsync("off");
        Assert.Null(none);
        Assert.Contains("archive is off", offReply, StringComparison.Ordinal);
        await AssertGoneAsync(site, second, track);

        var (_, third) = await site.ArchiveAsync("on");
        Assert.NotEqual(second, third);
        await AssertGoneAsync(site, second, track);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(ArchiveRoutes.Club(third!))).StatusCode);
    }

    [Fact]
    public async Task PublicName_ServesTheArchiveUnderIt_TheUnlistedLinkStops_AndABadNameIsRefusedWithAReason()
    {
        await using var site = await ArchiveSite.StartAsync();
        var bot = site.Bot;
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin")));
        var (_, unlisted) = await site.ArchiveAsync("on");

        var (reply, name) = await site.ArchiveAsync("public", ("name", "film-night-berlin"));

        Assert.Equal("film-night-berlin", name);
        Assert.Contains("web archive is public", reply, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(ArchiveRoutes.Club(name!))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(ArchiveRoutes.Stats(name!))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Http.GetAsync(ArchiveRoutes.Club(unlisted!))).StatusCode);

        var (refused, _) = await site.ArchiveAsync("public", ("name", "Film Night!"));
        Assert.Contains("lowercase letters", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.GetAsync(ArchiveRoutes.Club(name!))).StatusCode); // unchanged
    }

    [Fact]
    public async Task Downloads_AreTheExportFiles_WithoutBallots()
    {
        await using var site = await ArchiveSite.StartAsync();
        var bot = site.Bot;
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin"), ("method", "plurality")));
        await bot.CommandAsync("ana", "nominate", Sub("film", ("title", "Paris, Texas"), ("year", 1984)));
        await bot.CommandAsync("boss", "club", Sub("open-voting", ("track", "Film Night")));
        await bot.CommandAsync("boss", "club", Sub("close-voting", ("track", "Film Night")));
        var (_, slug) = await site.ArchiveAsync("on");
        var track = (await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default))!.Tracks[0];

        using var json = await site.Http.GetAsync(ArchiveRoutes.HistoryJson(slug!));
        using var csv = await site.Http.GetAsync(ArchiveRoutes.Letterboxd(slug!, track.Id));

        Assert.Equal("attachment", json.Content.Headers.ContentDisposition?.DispositionType);
        using var history = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal("listeningclub-history/1", history.RootElement.GetProperty("format").GetString());
        var cycle = history.RootElement.GetProperty("tracks")[0].GetProperty("cycles")[0];
        Assert.False(cycle.TryGetProperty("ballots", out _), "the archive never hands out individual ballots");
        Assert.True(cycle.TryGetProperty("tieBreakSeed", out _), "the seed is public once the pick is announced");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Title,Year,tmdbID,imdbID,WatchedDate,Rating10,Review\n\"Paris, Texas\",1984,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_MovesOntoTheWebServer_WhenTheArchiveIsOn()
    {
        await using var site = await ArchiveSite.StartAsync("--Health:Enabled=true");

        using var answer = await site.Http.GetAsync("/healthz");

        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.TryGetProperty("checks", out _) || json.RootElement.TryGetProperty("gatewayConnected", out _), json.RootElement.ToString());
    }

    [Fact]
    public async Task RateLimit_AClientOverItsRequestsPerMinute_Gets429()
    {
        await using var site = await ArchiveSite.StartAsync("--Web:RequestsPerMinute=3");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await site.Http.GetAsync(ArchiveRoutes.Stylesheet)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    /// <summary>The page's only script is the archive's own file: member text never becomes one.</summary>
    private static void AssertOnlyTheArchiveScript(string html)
    {
        Assert.Equal(1, html.Split("<script", StringSplitOptions.None).Length - 1);
        Assert.Contains($"<script src=\"{ArchiveRoutes.Script}\" defer></script>", html, StringComparison.Ordinal);
    }

    private static async Task AssertGoneAsync(ArchiveSite site, string slug, Track track)
    {
        foreach (var path in new[] { ArchiveRoutes.Club(slug), ArchiveRoutes.Stats(slug), ArchiveRoutes.Cycle(slug, track.Id, 1), ArchiveRoutes.ResultPicture(slug, track.Id, 1), ArchiveRoutes.RatingsPicture(slug, track.Id, 1), ArchiveRoutes.HistoryJson(slug), ArchiveRoutes.Letterboxd(slug, track.Id) })
        {
            using var answer = await site.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Equal("Not found.\n", await answer.Content.ReadAsStringAsync());
        }
    }
}
