using ListeningClub.Application.Voting;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Picks;

namespace ListeningClub.Application.Steps;

/// <summary>
/// Reacts to something a step did, so features act on it without knowing each other. Handlers of one event run one
/// after the other, in the order they were registered; each is idempotent (the event may come again after a crash).
/// </summary>
public interface ITrackEventListener<in TEvent>
{
    Task HandleAsync(TEvent happened, CancellationToken ct);
}

/// <summary>Voting closed and the pick's announcement was decided (posted, or queued in the outbox).</summary>
public sealed record PickAnnounced(Track Track, ElectionOutcome Outcome, Cycle? Previous);

/// <summary>A pick's announcement went out after the step that decided it (a retry, the catch-up flush).</summary>
public sealed record AnnouncementPostedLate(Track Track, Cycle Cycle, Pick Pick);
