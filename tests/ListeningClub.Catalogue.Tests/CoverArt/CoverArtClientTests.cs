using ListeningClub.Catalogue.Fakes.Control;
using ListeningClub.Catalogue.Fakes.Seed;
using ListeningClub.Catalogue.Model;
using ListeningClub.Catalogue.Tests.Fakes;

namespace ListeningClub.Catalogue.Tests.CoverArt;

public sealed class CoverArtClientTests
{
    [Fact]
    public async Task AGroupWithACover_AnswersTheStableFront250Url()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var ok = SeedAlbums.All.Single(a => a.Title == "OK Computer");
        var result = await h.CoverArt.FindFrontCoverAsync(ok.Id, CancellationToken.None);

        Assert.Equal($"{h.Fakes.CoverArtBaseUrl}/release-group/{ok.Id:D}/front-250", result.Value!.AbsoluteUri);
        var request = Assert.Single(h.Fakes.Log.Entries(FakeService.CoverArt));
        Assert.Equal(307, request.Status); // the redirect is the answer: the image itself is never downloaded
    }

    [Fact]
    public async Task AGroupWithoutACover_IsNotFound()
    {
        await using var h = await CatalogueHarness.StartAsync();
        var result = await h.CoverArt.FindFrontCoverAsync(SeedAlbums.All.Single(a => a.Title == "Greatest Hits").Id, CancellationToken.None);

        Assert.Equal(CatalogueStatus.NotFound, result.Status);
        Assert.True(h.CoverArt.IsAvailable);
    }
}
