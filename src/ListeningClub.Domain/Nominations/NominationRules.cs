using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;

namespace ListeningClub.Domain.Nominations;

/// <summary>The pure rules for nominating, withdrawing, vetoing and carrying nominations over.</summary>
public static class NominationRules
{
    public const int MaxVetoReasonLength = 300;

    /// <summary>Checks a new nomination against the track's rules and the cycle's current list.</summary>
    /// <param name="pastPickKeys">Identity keys of the track's earlier picks.</param>
    public static Result<Nomination> Nominate(
        Track track,
        Cycle cycle,
        IReadOnlyCollection<Nomination> cycleNominations,
        IReadOnlySet<string> pastPickKeys,
        ulong memberId,
        MediaItem media,
        string? pitch,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(cycleNominations);
        ArgumentNullException.ThrowIfNull(pastPickKeys);
        ArgumentNullException.ThrowIfNull(media);

        if (cycle.Phase != CyclePhase.Nominating)
        {
            return cycle.WrongPhase(CycleActions.Nominate, track.Name, track.TimeZone);
        }

        if (media.Kind != track.Kind)
        {
            var wanted = track.Kind == MediaKind.Film ? "films" : "albums";
            return new Problem("nominate.wrong_kind", $"{track.Name} is for {wanted}; nominate with /nominate {track.Kind.ToString().ToLowerInvariant()}.");
        }

        var cleanPitch = MediaFactory.Pitch(pitch);
        if (!cleanPitch.IsSuccess)
        {
            return cleanPitch.Problem!;
        }

        var active = cycleNominations.Where(n => n.IsActive).ToList();
        var duplicate = active.FirstOrDefault(n => n.Key == media.IdentityKey);
        if (duplicate is not null)
        {
            return Duplicate(duplicate);
        }

        var mine = active.Count(n => n.MemberId == memberId && n.CarriedOver == 0);
        if (mine >= track.Rules.NominationCapPerMember)
        {
            var cap = track.Rules.NominationCapPerMember;
            return new Problem(
                "nominate.over_cap",
                $"You already have {mine} nomination{(mine == 1 ? "" : "s")} in {track.Name} this cycle; the limit is {cap}. Withdraw one with /withdraw to nominate something else.");
        }

        if (!track.Rules.AllowPastPicks && pastPickKeys.Contains(media.IdentityKey))
        {
            return new Problem("nominate.past_pick", $"{media.DisplayName} was already a pick in {track.Name}. A manager can allow past picks in the track's rules.");
        }

        return new Nomination
        {
            Id = NominationId.New(),
            TrackId = track.Id,
            CycleId = cycle.Id,
            MemberId = memberId,
            Media = media,
            Pitch = cleanPitch.Value,
            NominatedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>The message for a nomination that is already on the list, naming who nominated it first.</summary>
    public static Problem Duplicate(Nomination existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return new Problem("nominate.duplicate", $"{existing.Media.DisplayName} is already nominated this cycle (by <@{existing.MemberId}>).");
    }

    public static Result<Nomination> Withdraw(Track track, Cycle cycle, Nomination nomination, ulong memberId)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(nomination);
        if (nomination.MemberId != memberId)
        {
            return new Problem("withdraw.not_yours", "You can only withdraw your own nominations.");
        }

        if (!nomination.IsActive)
        {
            return new Problem("withdraw.not_active", $"{nomination.Media.DisplayName} is no longer on the list.");
        }

        if (nomination.CycleId != cycle.Id || cycle.Phase != CyclePhase.Nominating)
        {
            return cycle.WrongPhase(CycleActions.Withdraw, track.Name, track.TimeZone);
        }

        return nomination with { Status = NominationStatus.Withdrawn };
    }

    /// <summary>A manager removes a nomination before the pick is announced.</summary>
    /// <param name="pollRunning">Voting runs as a Discord poll, whose answers cannot change once posted.</param>
    public static Result<Nomination> Veto(Cycle cycle, Nomination nomination, string? reason, bool pollRunning = false)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(nomination);
        var cleanReason = TextInput.Required(reason, "reason", MaxVetoReasonLength);
        if (!cleanReason.IsSuccess)
        {
            return cleanReason.Problem!;
        }

        if (!nomination.IsActive)
        {
            return new Problem("veto.not_active", $"{nomination.Media.DisplayName} is no longer on the list.");
        }

        if (nomination.CycleId != cycle.Id || cycle.Phase is not (CyclePhase.Nominating or CyclePhase.Voting))
        {
            return new Problem("veto.too_late", "The pick is already announced; a nomination can only be vetoed before that.");
        }

        if (pollRunning && cycle.Phase == CyclePhase.Voting)
        {
            return new Problem("veto.poll", "This track is voting with a Discord poll, which can't change once it is posted, so nominations can't be vetoed until the pick is announced. Veto before voting opens next time.");
        }

        return nomination with { Status = NominationStatus.Vetoed, VetoReason = cleanReason.Value };
    }

    /// <summary>The nominations that move on to the next cycle: active, not the pick, and still within the track's carry-over.</summary>
    public static IReadOnlyList<Nomination> CarryOver(Track track, Cycle finished, IEnumerable<Nomination> finishedNominations, Cycle next, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(finished);
        ArgumentNullException.ThrowIfNull(next);
        return finishedNominations
            .Where(n => n.IsActive && n.Id != finished.PickId && n.CarriedOver < track.Rules.CarryOverCycles)
            .OrderBy(n => n.NominatedAt)
            .Select(n => n with
            {
                Id = NominationId.New(),
                CycleId = next.Id,
                CarriedOver = n.CarriedOver + 1,
                NominatedAt = now.ToUniversalTime(),
            })
            .ToList();
    }
}
