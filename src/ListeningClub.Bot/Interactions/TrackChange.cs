using ListeningClub.Application.Steps;
using ListeningClub.Bot.Posting;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Interactions;

/// <summary>
/// A manager's change to a track's cycle or schedule (/club open-voting, close-voting, pause, resume, skip, advance):
/// find the track, make the change, re-arm the track's trigger (its next step may have moved), say what happened, and
/// say so when posts of the track are queued instead of posted (Discord did not accept them yet).
/// </summary>
public sealed class TrackChange(ITrackTrigger trigger, QueuedPosts queued)
{
    public async Task<ManagerOutcome> RunAsync<T>(ManagerCall request, Func<Track, Task<Result<T>>> change, Func<Track, T, Task<string>> done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(done);
        var track = await request.TrackAsync(ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        var changed = await change(track.Value).ConfigureAwait(false);
        if (!changed.IsSuccess)
        {
            return changed.Problem!;
        }

        await trigger.RunNowAsync(request.GuildId, track.Value.Id, ct).ConfigureAwait(false);
        var text = await done(track.Value, changed.Value).ConfigureAwait(false);
        return await queued.NoteAsync(request.GuildId, track.Value.Id, ct).ConfigureAwait(false) is { } note ? text + "\n" + note : text;
    }
}
