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
    /// <param name="pastPicks">The track's earlier picks.</param>
    public static Result<Nomination> Nominate(
        Track track,
        Cycle cycle,
        IReadOnlyCollection<Nomination> cycleNominations,
        IReadOnlyCollection<MediaItem> pastPicks,
        ulong memberId,
        MediaItem media,
        string? pitch,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(cycleNominations);
        ArgumentNullException.ThrowIfNull(pastPicks);
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
        if (AlreadyThere(track, active, track.Rules.AllowPastPicks ? [] : pastPicks, media) is { } taken)
        {
            return taken;
        }

        var mine = active.Count(n => n.MemberId == memberId && n.CarriedOver == 0);
        if (mine >= track.Rules.NominationCapPerMember)
        {
            var cap = track.Rules.NominationCapPerMember;
            return new Problem(
                "nominate.over_cap",
                $"You already have {mine} nomination{(mine == 1 ? "" : "s")} in {track.Name} this cycle; the limit is {cap}. Withdraw one with /withdraw to nominate something else.");
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
        return new Problem("nominate.duplicate", $"{Nominated(existing)}.");
    }

    /// <summary>
    /// Whether the film or album is on the cycle's list or among the past picks already (<see cref="IdentityKeys.SameWork"/>):
    /// the same key first; then a title without a year against the same title with a year (either way round). When that
    /// reaches one film, the answer names it and says why; when it reaches two different years ("Dune" against Dune
    /// (1984) and Dune (2021)), it asks which one is meant rather than guess.
    /// </summary>
    private static Problem? AlreadyThere(Track track, IReadOnlyList<Nomination> active, IReadOnlyCollection<MediaItem> pastPicks, MediaItem media)
    {
        var key = media.IdentityKey;
        if (active.FirstOrDefault(n => n.Key == key) is { } same)
        {
            return Duplicate(same);
        }

        if (pastPicks.FirstOrDefault(p => p.IdentityKey == key) is { } picked)
        {
            return new Problem("nominate.past_pick", $"{picked.DisplayName} was already a pick in {track.Name}. A manager can allow past picks in the track's rules.");
        }

        var nominated = active.Where(n => IdentityKeys.SameWork(n.Key, key)).ToList();
        var pickedBefore = pastPicks.Where(p => IdentityKeys.SameWork(p.IdentityKey, key)).ToList();
        var works = nominated.Select(n => n.Key).Concat(pickedBefore.Select(p => p.IdentityKey)).Distinct(StringComparer.Ordinal).Count();
        if (works == 0)
        {
            return null;
        }

        if (works > 1)
        {
            var known = nominated.Select(n => (n.Media.Year, Text: Nominated(n)))
                .Concat(pickedBefore.Select(p => (p.Year, Text: $"{p.DisplayName} was already a pick")))
                .OrderBy(k => k.Year)
                .Select(k => k.Text);
            return new Problem(
                "nominate.which_one",
                $"Which {media.Title} do you mean? {string.Join("; ", known)}. To nominate another {media.Title}, nominate it again with its year.");
        }

        var typedWithoutYear = IdentityKeys.HasNoYear(key);
        if (nominated.Count > 0)
        {
            var existing = nominated[0];
            return new Problem("nominate.duplicate", typedWithoutYear
                ? $"{Nominated(existing)}. \"{media.Title}\" has no year, so it is taken to be that film; if you mean another one, nominate it again with its year."
                : $"{Nominated(existing)}, without a year, so it is taken to be {media.DisplayName}. If it is a different film, <@{existing.MemberId}> can withdraw it and nominate it again with its year.");
        }

        var pick = pickedBefore[0];
        return new Problem("nominate.past_pick", typedWithoutYear
            ? $"{pick.DisplayName} was already a pick in {track.Name}. \"{media.Title}\" has no year, so it is taken to be that film; if you mean another one, nominate it again with its year. A manager can allow past picks in the track's rules."
            : $"{pick.DisplayName} was already a pick in {track.Name}, without a year, so it is taken to be {media.DisplayName}. If you mean a different film, a manager can allow past picks in the track's rules.");
    }

    private static string Nominated(Nomination nomination) =>
        $"{nomination.Media.DisplayName} is already nominated this cycle (by <@{nomination.MemberId}>)";

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
