using ListeningClub.Application.Locks;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;

namespace ListeningClub.Application.Cycles;

/// <summary>Moving a track on to its next cycle.</summary>
public sealed class CycleService(ICycleRepository cycles, INominationRepository nominations, TrackLocks locks, TimeProvider time)
{
    /// <summary>
    /// Closes the announced cycle and starts the next one, carrying unpicked nominations over as the track's rules say.
    /// Idempotent: when the current cycle is already a fresh one in nominating, it is returned unchanged.
    /// </summary>
    public async Task<Result<Cycle>> StartNextAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var held = await locks.WriteAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var current = await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        switch (current.Phase)
        {
            case CyclePhase.Nominating:
                return current;
            case CyclePhase.Voting:
                return new Problem("cycle.voting_open", $"Voting for {track.Name} is still open; close it and announce the pick before starting the next cycle.");
        }

        var now = time.GetUtcNow();
        var closed = current.Close(now).Value;
        var next = Cycle.Start(track, current.Number + 1, now);
        var carried = NominationRules.CarryOver(track, closed, await nominations.ListByCycleAsync(current.Id, cancellationToken).ConfigureAwait(false), next, now);

        // Closing first: a crash before the next cycle is saved leaves a closed cycle, and running this again
        // starts the next one. Carry-overs go in before the new cycle becomes current.
        if (closed != current)
        {
            await cycles.SaveAsync(closed, cancellationToken).ConfigureAwait(false);
        }

        await nominations.AddRangeAsync(carried, cancellationToken).ConfigureAwait(false);
        await cycles.SaveAsync(next, cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>
    /// Nothing was nominated when voting was due to open: the cycle keeps nominating, and its steps still ahead are
    /// planned again from now (voting opens at the next planned time). Returns the cycle as re-planned.
    /// </summary>
    public async Task<Cycle> KeepNominatingAsync(Track track, CycleId cycleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var held = await locks.WriteAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var cycle = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Cycle {cycleId} of track {track.Id} is not in the store.");
        var replanned = cycle.Replan(track, time.GetUtcNow());
        if (replanned != cycle)
        {
            await cycles.SaveAsync(replanned, cancellationToken).ConfigureAwait(false);
        }

        return replanned;
    }
}
