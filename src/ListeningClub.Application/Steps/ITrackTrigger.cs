using ListeningClub.Domain.Common;

namespace ListeningClub.Application.Steps;

/// <summary>The track's scheduled trigger: asked to run the track's due steps now (after a manager's change), then re-armed.</summary>
public interface ITrackTrigger
{
    Task RunNowAsync(ulong guildId, TrackId trackId, CancellationToken cancellationToken);
}
