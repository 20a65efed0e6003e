using ListeningClub.Application.History;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Rendering.Charts;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Outbox;

namespace ListeningClub.Bot.Features.Ratings;

/// <summary>
/// The ratings reveal's picture (the scores' distribution, mean, median and the season's most divisive pick), drawn when
/// the reveal is sent, from the stored history (<see cref="PostAttachments"/> says why).
/// </summary>
public sealed class RatingPictures(IClubRepository clubs, ClubHistoryQuery history) : IPostAttachments
{
    public string Kind => PostKinds.RatingsRevealed;

    /// <summary>The picture's name and what it shows in words, for the reveal to name; null when there is nothing to draw.</summary>
    public static AttachmentReference? Reference(TrackHistory track, CycleHistory cycle) =>
        RatingsChart.Describe(track, cycle) is { } description ? new AttachmentReference(0, RatingsChart.FileName, description) : null;

    public async Task<IReadOnlyList<FileUpload>> RenderAsync(OutboxMessage post, IReadOnlyList<AttachmentReference> wanted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (!Guid.TryParseExact(post.IntentKey, "N", out var cycleId) || post.TrackId is not { } trackId
            || (await clubs.GetAsync(post.GuildId, ct).ConfigureAwait(false))?.FindTrack(trackId) is not { } track)
        {
            return [];
        }

        var record = await history.TrackAsync(track, withBallots: false, ct).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        return record.Cycles.FirstOrDefault(c => c.Cycle.Id == new CycleId(cycleId)) is { } cycle && RatingsChart.Render(record, cycle) is { } picture
            ? [picture.AsFile(RatingsChart.FileName)]
            : [];
    }
}
