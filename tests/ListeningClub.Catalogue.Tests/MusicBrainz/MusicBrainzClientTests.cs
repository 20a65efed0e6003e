using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Fakes.Seed;
using ListeningClub.Catalogue.Model;
using ListeningClub.Catalogue.Tests.Fakes;

namespace ListeningClub.Catalogue.Tests.MusicBrainz;

public sealed class MusicBrainzClientTests
{
    [Fact]
    public async Task Search_ByTitleAndArtist_FindsTheAlbum_WithCreditAndYear()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var result = await h.MusicBrainz.SearchReleaseGroupsAsync("OK Computer", "Radiohead", CancellationToken.None);

        var album = result.Value![0];
        Assert.Equal(("OK Computer", 1997, "Radiohead", "musicbrainz:b1392450-e666-3926-a536-22c65f834433"), (album.Title, album.Year, album.Credit, album.Id.ToString()));
        Assert.Equal(["Album"], album.Tags);
    }

    [Fact]
    public async Task Search_SameTitleByDifferentArtists_ReturnsBoth_AlbumsOnly()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var blue = await h.MusicBrainz.SearchReleaseGroupsAsync("blue", ct: CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(1)); // the next request's turn
        var creep = await h.MusicBrainz.SearchReleaseGroupsAsync("creep", "radiohead", CancellationToken.None);

        Assert.Equal(["Joni Mitchell", "LeAnn Rimes"], blue.Value!.Where(a => a.Title == "Blue").Select(a => a.Credit).Order(StringComparer.Ordinal));
        Assert.Empty(creep.Value!); // a single, not an album
    }

    [Theory]
    [InlineData("\"Heroes\"", "David Bowie", "\"Heroes\"")]
    [InlineData("back in black", "AC/DC", "Back in Black")]
    [InlineData("DAMN.", null, "DAMN.")]
    [InlineData("vespertine", "bjork", "Vespertine")]
    [InlineData("ok comp", null, "OK Computer")]
    public async Task Search_WithLuceneCharactersAndPartialWords_StillFinds(string title, string? artist, string expected)
    {
        await using var h = await CatalogueHarness.StartAsync();
        var result = await h.MusicBrainz.SearchReleaseGroupsAsync(title, artist, CancellationToken.None);

        Assert.True(result.IsFound, result.ToString());
        Assert.Contains(result.Value!, a => a.Title == expected);
    }

    [Fact]
    public async Task Lookup_GivesTheJoinedArtistCredit()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var id = SeedAlbums.All.Single(a => a.Title == "Bridge over Troubled Water").Id;
        var album = (await h.MusicBrainz.GetReleaseGroupAsync(id, CancellationToken.None)).Value!;

        Assert.Equal(("Simon & Garfunkel", 1970, true), (album.Credit, album.Year, album.IsDetailed));
        Assert.Contains("inc=artist-credits+releases", h.Fakes.Log.Entries(FakeService.MusicBrainz)[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReleaseResolvesToItsGroup_WithTheReleasesTrackCount()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var kidA = SeedAlbums.All.Single(a => a.Title == "Kid A");
        var album = (await h.MusicBrainz.GetReleaseGroupOfReleaseAsync(kidA.Releases[1].Id, CancellationToken.None)).Value!;

        Assert.Equal((kidA.Id, "Kid A", "Radiohead", 10), (album.ExternalIds.MusicBrainzReleaseGroup!.Value, album.Title, album.Credit, album.TrackCount));
    }

    [Fact]
    public async Task EveryRequest_AsksForJson_WithTheConfiguredUserAgent()
    {
        await using var h = await CatalogueHarness.StartAsync();
        await h.MusicBrainz.SearchReleaseGroupsAsync("kid a", ct: CancellationToken.None);

        var request = Assert.Single(h.Fakes.Log.Entries(FakeService.MusicBrainz));
        Assert.Equal("ListeningClub/1.2.3 ( https://listening.example/contact )", request.UserAgent);
        Assert.Contains("fmt=json", request.Query, StringComparison.Ordinal);
        Assert.Equal(200, request.Status);
    }

    [Fact]
    public async Task WithoutAContact_NoRequestIsSent()
    {
        await using var h = await CatalogueHarness.StartAsync(new Dictionary<string, string?> { ["Catalogue:MusicBrainz:Contact"] = null });
        var result = await h.MusicBrainz.SearchReleaseGroupsAsync("kid a", ct: CancellationToken.None);

        Assert.Equal(CatalogueFailure.NotConfigured, result.Failure);
        Assert.Equal(0, h.Fakes.Log.Count());
    }

    [Fact]
    public async Task ManyCallers_GoOutOnePerSecond_AndTheServiceNeverDeclinesOne()
    {
        await using var h = await CatalogueHarness.StartAsync();
        string[] titles = ["kid a", "blue", "low", "animals", "currents", "homework"];
        var calls = titles.Select(t => h.MusicBrainz.SearchReleaseGroupsAsync(t, ct: CancellationToken.None)).ToList();

        // The clock moves only when every released call has finished: nothing is in flight while time passes.
        for (var done = 1; done < titles.Length; done++)
        {
            await CatalogueHarness.WhenCompletedAsync(calls, done);
            await CatalogueHarness.UntilAsync(() => h.MusicBrainz.QueueLength == titles.Length - done);
            Assert.Equal(done, h.Fakes.Log.Count(FakeService.MusicBrainz));
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var results = await Task.WhenAll(calls);
        Assert.All(results, r => Assert.True(r.IsFound, r.ToString()));
        var log = h.Fakes.Log.Entries(FakeService.MusicBrainz);
        Assert.All(log, r => Assert.Equal(200, r.Status));
        Assert.All(log.Zip(log.Skip(1)), pair => Assert.True(pair.Second.Time - pair.First.Time >= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task IdenticalSearchesInFlight_AreOneRequest_AndEveryCallerGetsTheAnswer()
    {
        await using var h = await CatalogueHarness.StartAsync();
        await h.MusicBrainz.SearchReleaseGroupsAsync("low", ct: CancellationToken.None); // the next one has to wait its turn
        var same = Enumerable.Range(0, 5).Select(_ => h.MusicBrainz.SearchReleaseGroupsAsync("kid a", ct: CancellationToken.None)).ToList();

        await CatalogueHarness.UntilAsync(() => h.MusicBrainz.QueueLength == 1);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var results = await Task.WhenAll(same);

        Assert.All(results, r => Assert.Equal("Kid A", r.Value![0].Title));
        Assert.Equal(2, h.Fakes.Log.Count(FakeService.MusicBrainz));
    }

    [Fact]
    public async Task ACallerGivingUpInTheQueue_GetsCancelled_AndTheQueueGoesOn()
    {
        await using var h = await CatalogueHarness.StartAsync();
        await h.MusicBrainz.SearchReleaseGroupsAsync("low", ct: CancellationToken.None);
        using var impatient = new CancellationTokenSource();
        var gaveUp = h.MusicBrainz.SearchReleaseGroupsAsync("blue", ct: impatient.Token);
        var patient = h.MusicBrainz.SearchReleaseGroupsAsync("kid a", ct: CancellationToken.None);

        await CatalogueHarness.UntilAsync(() => h.MusicBrainz.QueueLength == 2);
        await impatient.CancelAsync();
        Assert.Equal(CatalogueFailure.Cancelled, (await gaveUp).Failure);
        Assert.Equal(1, h.MusicBrainz.QueueLength);
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await patient).IsFound);
        Assert.Equal(["/musicbrainz/ws/2/release-group", "/musicbrainz/ws/2/release-group"], h.Fakes.Log.Entries(FakeService.MusicBrainz).Select(r => r.Path));
        Assert.Contains("kid", h.Fakes.Log.Entries(FakeService.MusicBrainz)[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A503_MakesTheQueueWaitForRetryAfter_ThenTheRetryIsAnswered()
    {
        await using var h = await CatalogueHarness.StartAsync();
        h.Fakes.State.SetFault(FakeService.MusicBrainz, new ServiceFault(FaultKind.ServiceUnavailable, Count: 1, RetryAfterSeconds: 3));

        var result = await h.PumpAsync(h.MusicBrainz.SearchReleaseGroupsAsync("kid a", ct: CancellationToken.None));

        Assert.True(result.IsFound);
        var log = h.Fakes.Log.Entries(FakeService.MusicBrainz);
        Assert.Equal([503, 200], log.Select(r => r.Status));
        Assert.True(log[1].Time - log[0].Time >= TimeSpan.FromSeconds(3));
    }
}
