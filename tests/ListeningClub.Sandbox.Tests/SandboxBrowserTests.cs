using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ListeningClub.Sandbox.Tests;

/// <summary>
/// The sandbox in a real browser: headless Chromium (Debian's <c>chromium</c> at <see cref="ChromiumPath"/>, which
/// <c>.ci/run</c> installs) driven by Playwright, against the built sandbox process. A member nominates a film with the
/// bot's own autocomplete, two others vote with their private ballots, the next step runs until the pick is announced
/// with its picture and its thread. Every wait is on something the page shows (Playwright's expectations), never a
/// sleep. Without the browser the test fails, saying so: it never skips.
/// </summary>
public sealed partial class SandboxBrowserTests : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Generous: the bot compiles each path on first use, and the machine may be busy.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 60_000 };

    private SandboxProcess _sandbox = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"The browser tests need Chromium at {ChromiumPath} (Debian: apt-get install chromium; .ci/run installs it).");
        _sandbox = await SandboxProcess.StartAsync();
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
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    [Fact]
    public async Task Members_NominateWithAutocomplete_VotePrivately_AndTheNextStepsAnnounceThePickWithItsPictureAndThread()
    {
        var url = await _sandbox.Url;
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 960 } });
        page.SetDefaultTimeout(60_000);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"{message.Text} ({message.Location})");
            }
        };
        page.Dialog += (_, dialog) => problems.Add("dialog: " + dialog.Message);

        // The demo server, as Ada, in #film-night: the seeded nominations are there.
        await page.GotoAsync(url.AbsoluteUri);
        await ReadyAsync(page);
        var messages = page.Locator("#messages");
        await Expect(page.Locator("h1")).ToHaveTextAsync("# film-night");
        await Expect(messages.GetByText("Paris, Texas (1984)")).ToBeVisibleAsync(Visible);
        await Expect(page.Locator(".member.active")).ToHaveTextAsync(new Regex("Ada"));

        // Ada nominates a film: the title's suggestions come from the bot (an autocomplete interaction).
        await page.Locator("#command").SelectOptionAsync("nominate film");
        var title = page.Locator("[data-option=title]");
        await title.PressSequentiallyAsync("Alien");
        var suggestion = page.Locator(".suggestion", new PageLocatorOptions { HasText = "Alien (as typed)" });
        await Expect(suggestion).ToBeVisibleAsync(Visible);
        await suggestion.ClickAsync();
        await Expect(title).ToHaveValueAsync("Alien");
        await page.Locator("[data-option=year]").FillAsync("1979");
        await page.Locator("#send").ClickAsync();
        await Expect(messages.Locator(".embed-title", new LocatorLocatorOptions { HasText = "Alien (1979)" })).ToBeVisibleAsync(Visible);

        // The next step opens the vote.
        await page.Locator("#advance").ClickAsync();
        await Expect(messages.GetByText("Voting is open")).ToBeVisibleAsync(Visible);

        // Emre and Fatima vote for Alien with their private ballots.
        foreach (var voter in new[] { "Emre", "Fatima" })
        {
            await ActAsAsync(page, voter);
            await messages.Locator("button", new LocatorLocatorOptions { HasText = "Vote" }).Last.ClickAsync();
            var ballot = messages.Locator(".message.ephemeral", new LocatorLocatorOptions { HasText = "Film Night ballot" });
            await Expect(ballot).ToBeVisibleAsync(Visible);
            await Expect(ballot.Locator(".only-you")).ToBeVisibleAsync();
            var firstChoice = ballot.Locator("select").First;
            var alien = await firstChoice.Locator("option", new LocatorLocatorOptions { HasText = "Alien (1979)" }).GetAttributeAsync("value");
            await firstChoice.SelectOptionAsync(alien!);
            await Expect(messages.Locator(".message.ephemeral select").First.Locator("option[selected]")).ToHaveAttributeAsync("value", alien!, new LocatorAssertionsToHaveAttributeOptions { Timeout = 60_000 });
            await messages.Locator(".message.ephemeral button", new LocatorLocatorOptions { HasText = "Submit ballot" }).ClickAsync();
            await Expect(messages.GetByText("Your ballot for Film Night is in")).ToBeVisibleAsync(Visible);
        }

        // Fatima's ballot is hers alone: Ben sees no private message in the channel.
        await ActAsAsync(page, "Ben");
        await Expect(messages.GetByText("Voting is open")).ToBeVisibleAsync(Visible);
        await Expect(messages.Locator(".message.ephemeral")).ToHaveCountAsync(0);
        await Expect(messages.GetByText("Film Night ballot")).ToHaveCountAsync(0);
        await Expect(messages.GetByText("Your ballot for Film Night is in")).ToHaveCountAsync(0);

        // The next steps: the reminder, then the close with the pick, its picture and its discussion thread.
        await page.Locator("#advance").ClickAsync();
        await Expect(messages.GetByText("⏰ Voting for")).ToBeVisibleAsync(Visible);
        await page.Locator("#advance").ClickAsync();
        var announcement = messages.Locator(".message", new LocatorLocatorOptions { HasText = "The votes are in!" });
        await Expect(announcement).ToBeVisibleAsync(Visible);
        await Expect(announcement).ToContainTextAsync("Alien");
        var picture = announcement.Locator("img.embed-image");
        await Expect(picture).ToBeVisibleAsync(Visible);
        Assert.True(await picture.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)"), "the result picture loads");
        var thread = page.Locator("#channels .thread");
        await Expect(thread).ToBeVisibleAsync(Visible);
        await Expect(announcement.Locator(".thread-link")).ToBeVisibleAsync(Visible);
        await picture.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, "sandbox.png");

        await thread.First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("^🧵"));
        await Expect(messages.Locator(".message").First).ToBeVisibleAsync(Visible);

        Assert.True(problems.Count == 0, string.Join("\n", problems)); // no script error, no CSP violation, no failed load, no dialog
    }

    [Fact]
    public async Task Members_VoteInTheAlbumPoll_ThePickIsAnnounced_AndAReviewIsWrittenInTheBotsForm()
    {
        var url = await _sandbox.Url;
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 960 } });
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(url.AbsoluteUri);
        await ReadyAsync(page);
        await page.Locator("#channels a", new PageLocatorOptions { HasText = "album-club" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("# album-club");
        await ReadyAsync(page);
        var messages = page.Locator("#messages");

        // The seeded vote is a Discord poll: Ben and Chloé choose Homogenic.
        foreach (var voter in new[] { "Ben", "Chloé" })
        {
            await ActAsAsync(page, voter);
            var answer = messages.Locator(".poll-answer", new LocatorLocatorOptions { HasText = "Homogenic" });
            await Expect(answer).ToBeVisibleAsync(Visible);
            await answer.ClickAsync();
            await Expect(messages.Locator(".poll-answer.chosen", new LocatorLocatorOptions { HasText = "Homogenic" })).ToBeVisibleAsync(Visible);
        }

        await Expect(messages.Locator(".poll-answer", new LocatorLocatorOptions { HasText = "Homogenic" })).ToContainTextAsync("2 votes");

        // The next steps (two reminders, then the close) end the poll and announce the pick.
        await page.Locator("#advance").ClickAsync();
        await Expect(messages.GetByText("⏰ Voting for")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        await page.Locator("#advance").ClickAsync();
        await Expect(messages.GetByText("⏰ Voting for")).ToHaveCountAsync(2, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        await page.Locator("#advance").ClickAsync();
        var announcement = messages.Locator(".message", new LocatorLocatorOptions { HasText = "The votes are in!" });
        await Expect(announcement).ToBeVisibleAsync(Visible);
        await Expect(announcement).ToContainTextAsync("Homogenic");

        // Ada rates it with the review box: the bot's form (a modal) opens in the page, and her sealed rating is confirmed to her.
        await ActAsAsync(page, "Ada");
        await page.Locator("#command").SelectOptionAsync("rate");
        await page.Locator("[data-option=score]").FillAsync("9");
        await page.Locator("select[data-option=review-box]").SelectOptionAsync("True");
        await page.Locator("[data-option=track]").FillAsync("Album Club");
        await page.Locator("#send").ClickAsync();
        var form = page.Locator("dialog#modal");
        await Expect(form).ToBeVisibleAsync(Visible);
        await Expect(form.Locator("h2")).ToHaveTextAsync("Your review (9/10)");
        await form.Locator("textarea").FillAsync("Strings, beats & <b>volcanoes</b>.");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(form).ToBeHiddenAsync();
        var sealedRating = messages.Locator(".message.ephemeral", new LocatorLocatorOptions { HasText = "Your rating (9/10)" });
        await Expect(sealedRating).ToBeVisibleAsync(Visible);
        await Expect(sealedRating).ToContainTextAsync("sealed until the reveal");

        await ActAsAsync(page, "Ben");
        await Expect(announcement).ToBeVisibleAsync(Visible);
        await Expect(messages.GetByText("Your rating (9/10)")).ToHaveCountAsync(0);
    }

    /// <summary>The member switcher: the same channel, as someone else.</summary>
    private static async Task ActAsAsync(IPage page, string member)
    {
        await page.Locator(".members a", new PageLocatorOptions { HasText = member }).First.ClickAsync();
        await Expect(page.Locator(".member.active")).ToHaveTextAsync(new Regex(Regex.Escape(member)));
        await ReadyAsync(page);
    }

    /// <summary>The page's script has run (its handlers are in place): the new page is usable, not just drawn.</summary>
    private static Task ReadyAsync(IPage page) => Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });

    /// <summary>
    /// Every run takes the screenshot; it replaces the README's copy in <c>docs/screenshots/</c> only when
    /// <c>LISTENINGCLUB_UPDATE_SCREENSHOTS=1</c> (so a test run leaves the working tree clean), else it goes beside the test binaries.
    /// </summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("LISTENINGCLUB_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name) });
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ListeningClub.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ListeningClub.sln not found above the test folder.");
    }
}
