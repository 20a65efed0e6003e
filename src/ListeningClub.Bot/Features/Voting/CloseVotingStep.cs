using ListeningClub.Application.Steps;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Features.Voting.Polls;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Rendering;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Schedule;
using ListeningClub.Storage.Engine;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>
/// The step that closes the vote and announces the pick: a poll's votes are counted first, the result is posted (with
/// the full count below it when the announcement cannot hold it), and the <see cref="PickAnnounced"/> handlers act on
/// it (the pick's discussion opens, its party event is made, the previous pick's ratings are revealed).
/// </summary>
public sealed class CloseVotingStep(
    VotingService voting,
    PollCount polls,
    TrackPosts posts,
    IStorageMaintenance storage,
    IEnumerable<ITrackEventListener<PickAnnounced>> announced) : IStepHandler
{
    /// <summary>A close later than this after its time says so in the announcement.</summary>
    public static readonly TimeSpan LateThreshold = TimeSpan.FromMinutes(5);

    public StepKind Performs => StepKind.CloseVoting;

    public async Task<Result<StepRun>> RunAsync(StepRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await CloseAsync(request.Track, request.Recent, request.Late, ct).ConfigureAwait(false)).Map(_ => StepRun.Performed);
    }

    /// <summary>Closes the vote and publishes it; the scheduled step and a manager's /club close-voting both come here.</summary>
    public async Task<Result<ElectionOutcome>> CloseAsync(Track track, IReadOnlyList<Cycle> recent, TimeSpan late, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(recent);
        track = await posts.WithChannelKindAsync(track, ct).ConfigureAwait(false);
        await polls.BeforeCloseAsync(track, ct).ConfigureAwait(false);
        var closed = await voting.CloseAndAnnounceAsync(track, ct).ConfigureAwait(false);
        if (!closed.IsSuccess)
        {
            return closed;
        }

        await AnnounceAsync(track, closed.Value, late, ct).ConfigureAwait(false);
        var happened = new PickAnnounced(track, closed.Value, recent.FirstOrDefault(c => c.Number == closed.Value.Cycle.Number - 1));
        foreach (var handler in announced)
        {
            await handler.HandleAsync(happened, ct).ConfigureAwait(false);
        }

        return closed;
    }

    /// <summary>Posts the result (once), and the full count below it when the announcement cannot hold it.</summary>
    private async Task AnnounceAsync(Track track, ElectionOutcome outcome, TimeSpan late, CancellationToken ct)
    {
        var result = ResultAnnouncement.Render(track, outcome);
        var message = result.Announcement;
        if (late > LateThreshold)
        {
            message = message with { Content = message.Content + "\n" + VotingMessages.LateAnnouncementNote(track, late).Content };
        }

        await storage.CheckpointAsync(ct).ConfigureAwait(false); // a critical transition: fold it into the main file
        var postName = $"{Markdown.Emoji(track.Kind)} {outcome.Pick.Media.DisplayName} — {track.Name}";
        var posted = await posts.PostAsync(track, PostKinds.PickAnnounced, outcome.Cycle.Id.ToString(), message, postName, null, ct).ConfigureAwait(false);

        // In a forum, the full count goes inside the announcement's post.
        var announcementPost = posted.ForumPostName is not null ? posted.MessageId : null;
        for (var part = 0; part < result.FullCount.Count; part++)
        {
            await posts.PostAsync(track, PostKinds.PickCount, $"{outcome.Cycle.Id}:{part + 1}", result.FullCount[part], $"📊 {outcome.Pick.Media.DisplayName}: the full count", announcementPost, ct).ConfigureAwait(false);
        }
    }
}
