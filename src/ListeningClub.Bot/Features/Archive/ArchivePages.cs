using ListeningClub.Application.Archive;
using ListeningClub.Bot.Web;
using ListeningClub.Domain.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ListeningClub.Bot.Features.Archive;

/// <summary>
/// The archive's pages: the club (its tracks, their current cycles, every pick) and one page per announced cycle (the
/// pick, the candidates, the tie-break check, revealed ratings), plus the stylesheet. Data comes from Application's
/// <see cref="ArchiveQuery"/> only; an unknown, rotated or disabled slug, or a cycle not yet announced, is a 404.
/// </summary>
internal sealed class ArchivePages(ArchiveQuery archive, TimeProvider time) : IWebEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ArchiveRoutes.Stylesheet, static () => WebResponses.Css(ArchiveStyles.Css));
        endpoints.MapGet("/favicon.ico", static () => Results.NoContent()); // browsers ask for it on every page; there is none
        endpoints.MapGet(ArchiveRoutes.ClubPattern, ClubAsync);
        endpoints.MapGet(ArchiveRoutes.CyclePattern, CycleAsync);
    }

    private async Task<IResult> ClubAsync(string slug, CancellationToken ct) =>
        await archive.FindAsync(slug, ct).ConfigureAwait(false) is { } history
            ? WebResponses.Html(ArchiveHtml.ClubPage(slug, history, time.GetUtcNow()))
            : WebResponses.NotFound();

    private async Task<IResult> CycleAsync(string slug, Guid track, int number, CancellationToken ct)
    {
        var history = await archive.FindAsync(slug, ct).ConfigureAwait(false);
        var trackHistory = history?.Tracks.FirstOrDefault(t => t.Track.Id == new TrackId(track));
        var cycle = trackHistory?.Cycles.FirstOrDefault(c => c.Cycle.Number == number && c.Pick is not null);
        if (trackHistory is null || cycle is null)
        {
            return WebResponses.NotFound();
        }

        var count = await archive.CountAsync(trackHistory.Track, cycle.Cycle, ct).ConfigureAwait(false);
        return WebResponses.Html(ArchiveHtml.CyclePage(slug, trackHistory, cycle, count));
    }
}
