using ListeningClub.Application.Voting;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Rendering.Charts;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Outbox;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>
/// The pick announcement's picture, drawn when the announcement is sent (<see cref="PostAttachments"/> says why): the
/// cycle is recounted from its stored ballots and seed, which gives the same count the announcement's text was
/// written from, and charted.
/// </summary>
public sealed class ResultPictures(IClubRepository clubs, ICycleRepository cycles, VotingService voting) : IPostAttachments
{
    public string Kind => PostKinds.PickAnnounced;

    /// <summary>The picture's name and what it shows in words, for the announcement to name; null when there is nothing to draw.</summary>
    public static AttachmentReference? Reference(ElectionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return ResultChart.Describe(outcome.Tally, outcome.NameOf) is { } description ? new AttachmentReference(0, ResultChart.FileName, description) : null;
    }

    /// <summary>The chart of <paramref name="outcome"/> as the file the announcement names; null when there is nothing to draw.</summary>
    public static FileUpload? Draw(Track track, ElectionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(outcome);
        var picture = ResultChart.Render(outcome.Tally, outcome.NameOf, $"{track.Name}: {outcome.Pick.Media.DisplayName}");
        return picture?.AsFile(ResultChart.FileName);
    }

    public async Task<IReadOnlyList<FileUpload>> RenderAsync(OutboxMessage post, IReadOnlyList<AttachmentReference> wanted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (!Guid.TryParseExact(post.IntentKey, "N", out var cycleId) || post.TrackId is not { } trackId)
        {
            return [];
        }

        var track = (await clubs.GetAsync(post.GuildId, ct).ConfigureAwait(false))?.FindTrack(trackId);
        var cycle = await cycles.GetAsync(new CycleId(cycleId), ct).ConfigureAwait(false);
        if (track is null || cycle is null)
        {
            return [];
        }

        var outcome = await voting.RecountAsync(track, cycle, ct).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        return outcome.IsSuccess && Draw(track, outcome.Value) is { } file ? [file] : [];
    }
}
