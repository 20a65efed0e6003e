using ListeningClub.Application.Archive;
using ListeningClub.Bot.Web;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ListeningClub.Bot.Features.Export;

/// <summary>
/// The export as downloads from a club's web archive: the same <see cref="ClubHistoryJson"/> and <see cref="LetterboxdCsv"/>
/// as /club export, over <see cref="ArchiveQuery"/>'s history (no individual ballots; ratings once revealed, as the
/// club's mean). 404 for a slug that is unknown, rotated or disabled, and for a track that is not a film track of that club.
/// </summary>
internal sealed class ExportDownloads(ArchiveQuery archive) : IWebEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ArchiveRoutes.HistoryJsonPattern, HistoryAsync);
        endpoints.MapGet(ArchiveRoutes.LetterboxdPattern, LetterboxdAsync);
    }

    private async Task<IResult> HistoryAsync(string slug, CancellationToken ct) =>
        await archive.FindAsync(slug, ct).ConfigureAwait(false) is { } history
            ? WebResponses.Download(ClubHistoryJson.Write(history), "application/json; charset=utf-8", "listeningclub-history.json")
            : WebResponses.NotFound();

    private async Task<IResult> LetterboxdAsync(string slug, Guid track, CancellationToken ct)
    {
        var history = await archive.FindAsync(slug, ct).ConfigureAwait(false);
        return history?.Tracks.FirstOrDefault(t => t.Track.Id == new TrackId(track) && t.Track.Kind == MediaKind.Film) is { } film
            ? WebResponses.Download(LetterboxdCsv.Write(film, memberId: null), "text/csv; charset=utf-8", "letterboxd.csv")
            : WebResponses.NotFound();
    }
}
