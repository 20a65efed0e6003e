using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;

namespace ListeningClub.Application.Cycles;

/// <summary>Finds a track's current cycle, starting the first one if the track has none yet.</summary>
public static class CycleLoader
{
    public static async Task<Cycle> CurrentAsync(this ICycleRepository cycles, Track track, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(time);
        var current = await cycles.GetCurrentAsync(track.Id, cancellationToken).ConfigureAwait(false);
        if (current is not null)
        {
            return current;
        }

        var first = Cycle.Start(track, 1, time.GetUtcNow());
        await cycles.SaveAsync(first, cancellationToken).ConfigureAwait(false);
        return first;
    }
}

/// <summary>The cycles the steps are planned from: the current one and the one before it, oldest first.</summary>
public static class RecentCycles
{
    public static async Task<IReadOnlyList<Cycle>> RecentAsync(this ICycleRepository cycles, Track track, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        ArgumentNullException.ThrowIfNull(track);
        var all = await cycles.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false);
        return all.Count switch
        {
            0 => [await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false)],
            <= 2 => all,
            _ => [all[^2], all[^1]],
        };
    }
}
