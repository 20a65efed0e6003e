using System.Globalization;
using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Cycles;

/// <summary>
/// One round of a track (usually a week). Transitions return a new cycle; each is guarded (a clear reason when it
/// does not apply) and idempotent (asking for the phase the cycle is already in changes nothing).
/// </summary>
public sealed record Cycle
{
    public required CycleId Id { get; init; }

    public required TrackId TrackId { get; init; }

    /// <summary>1 for the track's first cycle, then counting up.</summary>
    public required int Number { get; init; }

    public CyclePhase Phase { get; init; } = CyclePhase.Nominating;

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When voting is planned to open (set by the schedule); used to tell members when to come back.</summary>
    public DateTimeOffset? VotingOpensAt { get; init; }

    /// <summary>When voting is planned to close and the pick be announced.</summary>
    public DateTimeOffset? VotingClosesAt { get; init; }

    public DateTimeOffset? VotingOpenedAt { get; init; }

    public DateTimeOffset? AnnouncedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The secret tie-break seed, drawn when voting opens and revealed with the result (lowercase hex).</summary>
    public string? TieBreakSeedHex { get; init; }

    /// <summary>SHA-256 of the seed, posted when voting opens.</summary>
    public string? TieBreakCommitment { get; init; }

    /// <summary>The winning nomination once announced.</summary>
    public NominationId? PickId { get; init; }

    /// <summary>When the members' ratings of this cycle's pick were revealed; ratings are sealed and changeable until then.</summary>
    public DateTimeOffset? RatingsRevealedAt { get; init; }

    /// <summary>Set when a manager skips a week after the announcement: the next cycle starts no earlier than this.</summary>
    public DateTimeOffset? NextCycleNotBefore { get; init; }

    /// <summary>The Discord scheduled event of this cycle's watch/listen party, once created.</summary>
    public ulong? PartyEventId { get; init; }

    /// <summary>The steps of this cycle already performed (by the schedule or early by a manager), so none runs twice.</summary>
    public DoneSteps StepsDone { get; init; } = DoneSteps.None;

    public static Cycle Start(TrackId trackId, int number, DateTimeOffset now) =>
        new() { Id = CycleId.New(), TrackId = trackId, Number = number, StartedAt = now.ToUniversalTime() };

    /// <summary>Starts a cycle with its vote planned by the track's schedule.</summary>
    public static Cycle Start(Clubs.Track track, int number, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(track);
        return Start(track.Id, number, now).Replan(track, now);
    }

    /// <summary>
    /// Plans (or re-plans, after a schedule change or a week without nominations) when voting opens and closes.
    /// Only steps still ahead move: an open vote keeps its opening time.
    /// </summary>
    public Cycle Replan(Clubs.Track track, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(track);
        var zone = track.TimeZone;
        switch (Phase)
        {
            case CyclePhase.Nominating:
                var (opens, closes) = track.Schedule.Plan(now, zone);
                return this with { VotingOpensAt = opens, VotingClosesAt = closes };
            case CyclePhase.Voting:
                return this with { VotingClosesAt = Schedule.ZonedTime.Next(track.Schedule.VotingCloses, now, zone) };
            default:
                return this;
        }
    }

    /// <summary>
    /// After a schedule change or a resume: plans the steps still ahead by the track's (new) schedule, counting from
    /// when the cycle started where that still lies ahead, and from now where it would already have passed.
    /// </summary>
    public Cycle Reschedule(Clubs.Track track, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(track);
        var zone = track.TimeZone;
        switch (Phase)
        {
            case CyclePhase.Nominating:
                var (opens, closes) = track.Schedule.Plan(StartedAt, zone);
                return opens > now ? this with { VotingOpensAt = opens, VotingClosesAt = closes } : Replan(track, now);
            case CyclePhase.Voting:
                var close = Schedule.ZonedTime.Next(track.Schedule.VotingCloses, VotingOpenedAt ?? now, zone);
                return this with { VotingClosesAt = close > now ? close : Schedule.ZonedTime.Next(track.Schedule.VotingCloses, now, zone) };
            default:
                return this;
        }
    }

    /// <summary>
    /// A manager skips a week: before voting, the vote moves one cycle later; after the announcement, the next cycle
    /// starts one cycle later. An open vote can't be skipped (ballots are in); close it first.
    /// </summary>
    public Result<Cycle> Skip(Clubs.Track track, DateTimeOffset plannedNextStart)
    {
        ArgumentNullException.ThrowIfNull(track);
        var zone = track.TimeZone;
        var schedule = track.Schedule;
        switch (Phase)
        {
            case CyclePhase.Nominating when VotingOpensAt is { } opens:
                var later = Schedule.ZonedTime.Next(schedule.VotingOpens, opens.AddDays(7 * schedule.EveryWeeks - 1), zone);
                return this with { VotingOpensAt = later, VotingClosesAt = Schedule.ZonedTime.Next(schedule.VotingCloses, later, zone) };
            case CyclePhase.Announced:
                return this with { NextCycleNotBefore = Schedule.ZonedTime.Next(schedule.NominationsOpen, plannedNextStart.AddDays(7 * schedule.EveryWeeks - 1), zone) };
            case CyclePhase.Voting:
                return new Problem("cycle.skip_voting", "Voting is open and ballots may be in, so this week can't be skipped. Close it with /club close-voting, or let it run.");
            default:
                return new Problem("cycle.skip", "There is nothing to skip in this cycle right now.");
        }
    }

    /// <summary>Records that the cycle's step <paramref name="key"/> was performed; unchanged when it already was.</summary>
    public Cycle WithStepDone(string key) => StepsDone.Contains(key) ? this : this with { StepsDone = StepsDone.With(key) };

    public bool RatingsOpen => Phase is CyclePhase.Announced or CyclePhase.Closed && PickId is not null && RatingsRevealedAt is null;

    /// <summary>Explains to a member why <paramref name="action"/> is not possible in the current phase.</summary>
    public Problem WrongPhase(string action, string trackName, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var message = Phase switch
        {
            CyclePhase.Nominating when action == CycleActions.Vote =>
                $"Voting for {trackName} hasn't opened yet{When(" — it opens ", VotingOpensAt, zone)}. Nominations are open now.",
            CyclePhase.Nominating when action == CycleActions.Rate =>
                $"There is no pick to rate in {trackName} yet; the next pick is announced{When(" ", VotingClosesAt, zone, fallback: " when voting closes")}.",
            CyclePhase.Voting when action is CycleActions.Nominate or CycleActions.Withdraw =>
                $"Nominations for {trackName} are closed: voting is open{When(" until ", VotingClosesAt, zone)}. Cast your vote with /vote.",
            CyclePhase.Voting when action == CycleActions.Rate =>
                $"Voting for {trackName} is still open; you can rate the pick once it is announced{When(" ", VotingClosesAt, zone)}.",
            CyclePhase.Announced or CyclePhase.Closed when action is CycleActions.Nominate or CycleActions.Withdraw =>
                $"This week's pick for {trackName} is already announced; nominations for the next cycle open when it starts.",
            CyclePhase.Announced or CyclePhase.Closed when action == CycleActions.Vote =>
                $"Voting for {trackName} has closed and the pick is announced. See it with /pick.",
            CyclePhase.Closed when action == CycleActions.Rate =>
                $"Ratings for that pick in {trackName} have been revealed; they can no longer change.",
            _ => $"You can't {action} in {trackName} right now (the cycle is {Phase.ToString().ToLowerInvariant()}).",
        };
        return new Problem("cycle.wrong_phase", message);
    }

    public Result<Cycle> OpenVoting(int activeNominations, string seedHex, string commitment, DateTimeOffset now)
    {
        switch (Phase)
        {
            case CyclePhase.Voting:
                return this;
            case CyclePhase.Nominating when activeNominations == 0:
                return new Problem("cycle.no_nominations", "Voting can't open: nothing has been nominated yet.");
            case CyclePhase.Nominating:
                return this with
                {
                    Phase = CyclePhase.Voting,
                    VotingOpenedAt = now.ToUniversalTime(),
                    TieBreakSeedHex = seedHex,
                    TieBreakCommitment = commitment,
                };
            default:
                return new Problem("cycle.already_announced", "Voting can't open: this cycle's pick has already been announced.");
        }
    }

    public Result<Cycle> Announce(NominationId pick, DateTimeOffset now) => Phase switch
    {
        CyclePhase.Voting => this with { Phase = CyclePhase.Announced, PickId = pick, AnnouncedAt = now.ToUniversalTime() },
        CyclePhase.Announced or CyclePhase.Closed when PickId == pick => this,
        CyclePhase.Announced or CyclePhase.Closed => new Problem("cycle.already_announced", "This cycle's pick has already been announced."),
        _ => new Problem("cycle.not_voting", "The pick can't be announced before voting opens."),
    };

    public Result<Cycle> Close(DateTimeOffset now) => Phase switch
    {
        CyclePhase.Announced => this with { Phase = CyclePhase.Closed, ClosedAt = now.ToUniversalTime() },
        CyclePhase.Closed => this,
        _ => new Problem("cycle.not_announced", "A cycle closes only after its pick is announced."),
    };

    public Result<Cycle> RevealRatings(DateTimeOffset now) => (Phase, RatingsRevealedAt) switch
    {
        (_, not null) => this,
        (CyclePhase.Announced or CyclePhase.Closed, null) => this with { RatingsRevealedAt = now.ToUniversalTime() },
        _ => new Problem("cycle.not_announced", "Ratings can be revealed only after the pick is announced."),
    };

    private static string When(string prefix, DateTimeOffset? at, TimeZoneInfo zone, string fallback = "")
    {
        if (at is not { } instant)
        {
            return fallback;
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return prefix + local.ToString("dddd d MMMM 'at' HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
    }
}
