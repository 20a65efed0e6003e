using ListeningClub.Application.Cycles;
using ListeningClub.Application.Locks;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;

namespace ListeningClub.Application.Nominations;

/// <summary>Nominating, withdrawing and vetoing, and listing a cycle's nominations.</summary>
public sealed class NominationService(
    ICycleRepository cycles,
    INominationRepository nominations,
    IPickRepository picks,
    TrackLocks locks,
    TimeProvider time)
{
    public async Task<Result<Nomination>> NominateAsync(Track track, ulong memberId, MediaItem media, string? pitch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var held = await MembersTurnAsync(track, cancellationToken).ConfigureAwait(false);
        using var mine = await locks.MemberAsync(track.Id, memberId, cancellationToken).ConfigureAwait(false);
        using var title = await locks.TitleAsync(track.Id, IdentityKeys.TitleKey(media.IdentityKey), cancellationToken).ConfigureAwait(false);
        var cycle = await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        var list = await nominations.ListByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false);
        IReadOnlyCollection<MediaItem> pastPicks = track.Rules.AllowPastPicks
            ? []
            : (await picks.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false)).Select(p => p.Media).ToList();

        var nomination = NominationRules.Nominate(track, cycle, list, pastPicks, memberId, media, pitch, time.GetUtcNow());
        if (!nomination.IsSuccess)
        {
            return nomination;
        }

        var existing = await nominations.AddAsync(nomination.Value, cancellationToken).ConfigureAwait(false);
        return existing is null ? nomination : NominationRules.Duplicate(existing);
    }

    public async Task<Result<Nomination>> WithdrawAsync(Track track, ulong memberId, NominationId nominationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var held = await MembersTurnAsync(track, cancellationToken).ConfigureAwait(false);
        using var mine = await locks.MemberAsync(track.Id, memberId, cancellationToken).ConfigureAwait(false);
        var cycle = await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        var nomination = await nominations.GetAsync(nominationId, cancellationToken).ConfigureAwait(false);
        if (nomination is null || nomination.TrackId != track.Id)
        {
            return new Problem("withdraw.unknown", "That nomination doesn't exist in this track.");
        }

        var withdrawn = NominationRules.Withdraw(track, cycle, nomination, memberId);
        if (withdrawn.IsSuccess)
        {
            await nominations.UpdateAsync(withdrawn.Value, cancellationToken).ConfigureAwait(false);
        }

        return withdrawn;
    }

    public async Task<Result<Nomination>> VetoAsync(Track track, NominationId nominationId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var held = await locks.WriteAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var cycle = await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        var nomination = await nominations.GetAsync(nominationId, cancellationToken).ConfigureAwait(false);
        if (nomination is null || nomination.TrackId != track.Id)
        {
            return new Problem("veto.unknown", "That nomination doesn't exist in this track.");
        }

        var candidates = cycle.Phase == CyclePhase.Voting ? await nominations.ListByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false) : [];
        var vetoed = NominationRules.Veto(cycle, nomination, reason, NativePoll.Applies(track, candidates.Count(n => n.IsActive)));
        if (vetoed.IsSuccess)
        {
            await nominations.UpdateAsync(vetoed.Value, cancellationToken).ConfigureAwait(false);
        }

        return vetoed;
    }

    public Task<Nomination?> GetAsync(NominationId id, CancellationToken cancellationToken) => nominations.GetAsync(id, cancellationToken);

    /// <summary>The current cycle and its active nominations, oldest first.</summary>
    public async Task<(Cycle Cycle, IReadOnlyList<Nomination> Nominations)> ListCurrentAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        var cycle = await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        var list = await nominations.ListByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false);
        return (cycle, list.Where(n => n.IsActive).ToList());
    }

    /// <summary>
    /// The shared side of the track's lock, for a member changing their own nominations; the cycle is created first
    /// (under the exclusive side) if the track has none yet, so two first nominations cannot start two cycles.
    /// </summary>
    private async Task<IDisposable> MembersTurnAsync(Track track, CancellationToken cancellationToken)
    {
        if (await cycles.GetCurrentAsync(track.Id, cancellationToken).ConfigureAwait(false) is null)
        {
            using var exclusive = await locks.WriteAsync(track.Id, cancellationToken).ConfigureAwait(false);
            await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        }

        return await locks.ReadAsync(track.Id, cancellationToken).ConfigureAwait(false);
    }
}
