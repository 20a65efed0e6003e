using ListeningClub.Application.Archive;
using ListeningClub.Application.History;
using ListeningClub.Bot.Rendering.Charts;
using ListeningClub.Bot.Web;
using ListeningClub.Domain.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ListeningClub.Bot.Features.Archive;

/// <summary>
/// The archive's pages: the club (its tracks, their current cycles, every pick), its stats and leaderboards, one page per
/// announced cycle (the pick, the count and its picture, the tie-break check, revealed ratings and their picture), plus
/// the stylesheet and the one script (each time also in the reader's own time zone). Data comes from Application's
/// <see cref="ArchiveQuery"/> only; an unknown, rotated or disabled slug, a cycle not yet announced, or ratings not yet
/// revealed, is a 404.
/// </summary>
internal sealed class ArchivePages(ArchiveQuery archive, ArchivePictures pictures, TimeProvider time) : IWebEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ArchiveRoutes.Stylesheet, static () => WebResponses.Css(ArchiveStyles.Css));
        endpoints.MapGet(ArchiveRoutes.Script, static () => WebResponses.Script(ArchiveScript.Js));
        endpoints.MapGet("/favicon.ico", static () => Results.NoContent()); // browsers ask for it on every page; there is none
        endpoints.MapGet(ArchiveRoutes.ClubPattern, ClubAsync);
        endpoints.MapGet(ArchiveRoutes.StatsPattern, StatsAsync);
        endpoints.MapGet(ArchiveRoutes.CyclePattern, CycleAsync);
        endpoints.MapGet(ArchiveRoutes.ResultPicturePattern, ResultPictureAsync);
        endpoints.MapGet(ArchiveRoutes.RatingsPicturePattern, RatingsPictureAsync);
    }

    private async Task<IResult> ClubAsync(string slug, CancellationToken ct) =>
        await archive.FindAsync(slug, ct).ConfigureAwait(false) is { } history
            ? WebResponses.Html(ArchiveHtml.ClubPage(slug, history, time.GetUtcNow()))
            : WebResponses.NotFound();

    private async Task<IResult> StatsAsync(string slug, CancellationToken ct) =>
        await archive.FindAsync(slug, ct).ConfigureAwait(false) is { } history
            ? WebResponses.Html(ArchiveStatsHtml.StatsPage(slug, history))
            : WebResponses.NotFound();

    private async Task<IResult> CycleAsync(string slug, Guid track, int number, CancellationToken ct)
    {
        if (await FindPickAsync(slug, track, number, ct).ConfigureAwait(false) is not var (trackHistory, cycle))
        {
            return WebResponses.NotFound();
        }

        var count = await archive.CountAsync(trackHistory.Track, cycle.Cycle, ct).ConfigureAwait(false);
        var names = ArchivePictures.NamesOf(cycle);
        var captions = new CycleCaptions(count is null ? null : ResultChart.Describe(count, names), RatingsChart.Describe(trackHistory, cycle));
        return WebResponses.Html(ArchiveHtml.CyclePage(slug, trackHistory, cycle, count, names, captions));
    }

    private async Task<IResult> ResultPictureAsync(string slug, Guid track, int number, CancellationToken ct)
    {
        if (await FindPickAsync(slug, track, number, ct).ConfigureAwait(false) is not var (trackHistory, cycle))
        {
            return WebResponses.NotFound();
        }

        // The recount (every ballot read back) only when the picture is not kept yet: after that, a reader costs a lookup.
        var picture = await pictures.ResultAsync(trackHistory, cycle, () => archive.CountAsync(trackHistory.Track, cycle.Cycle, ct)).ConfigureAwait(false);
        return picture is null ? WebResponses.NotFound() : WebResponses.Png(picture.Png);
    }

    private async Task<IResult> RatingsPictureAsync(string slug, Guid track, int number, CancellationToken ct) =>
        await FindPickAsync(slug, track, number, ct).ConfigureAwait(false) is var (trackHistory, cycle) && pictures.Ratings(trackHistory, cycle) is { } picture
            ? WebResponses.Png(picture.Png)
            : WebResponses.NotFound();

    /// <summary>The announced cycle <paramref name="number"/> of the track, if the slug's club has it.</summary>
    private async Task<(TrackHistory Track, CycleHistory Cycle)?> FindPickAsync(string slug, Guid track, int number, CancellationToken ct)
    {
        var history = await archive.FindAsync(slug, ct).ConfigureAwait(false);
        var trackHistory = history?.Tracks.FirstOrDefault(t => t.Track.Id == new TrackId(track));
        var cycle = trackHistory?.Cycles.FirstOrDefault(c => c.Cycle.Number == number && c.Pick is not null);
        return trackHistory is null || cycle is null ? null : (trackHistory, cycle);
    }
}

/// <summary>What the pictures on a pick's page show, in words (their alt text); null where there is no picture.</summary>
internal sealed record CycleCaptions(string? Result, string? Ratings);
