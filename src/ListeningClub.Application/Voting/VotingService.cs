using ListeningClub.Application.Cycles;
using ListeningClub.Application.Locks;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Application.Voting;

/// <summary>What members see when voting closes: the pick, the count that chose it, and the candidates.</summary>
public sealed record ElectionOutcome(Cycle Cycle, Pick Pick, TallyResult Tally, IReadOnlyList<Nomination> Candidates)
{
    /// <summary>What readers see for a candidate id: its nomination's name, or "(withdrawn)" for one no longer listed.</summary>
    public string NameOf(string candidateId) =>
        Candidates.FirstOrDefault(n => n.CandidateId == candidateId)?.Media.DisplayName ?? "(withdrawn)";
}

/// <summary>Opening voting, casting ballots, closing the vote and announcing the pick, and recounting any past vote.</summary>
public sealed class VotingService(
    ICycleRepository cycles,
    INominationRepository nominations,
    IBallotRepository ballots,
    IPickRepository picks,
    TrackLocks locks,
    TimeProvider time)
{
    /// <summary>Opens voting on the current cycle, drawing the tie-break seed whose commitment is posted with the ballot.</summary>
    public async Task<Result<Cycle>> OpenVotingAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var held = await locks.WriteAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var cycle = await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        if (cycle.Phase == CyclePhase.Voting)
        {
            return cycle;
        }

        var active = (await nominations.ListByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false)).Count(n => n.IsActive);
        var seed = TieBreakSeed.Generate();
        var opened = cycle.OpenVoting(active, seed.ToHex(), seed.Commitment, time.GetUtcNow());
        if (opened.IsSuccess && opened.Value != cycle)
        {
            await cycles.SaveAsync(opened.Value, cancellationToken).ConfigureAwait(false);
        }

        return opened;
    }

    /// <summary>Casts or replaces the member's ballot; completes only once the ballot is durable.</summary>
    public async Task<Result<Ballot>> CastAsync(Track track, ulong memberId, IReadOnlyList<NominationId> choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var held = await locks.ReadAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var cycle = await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        var list = await nominations.ListByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false);
        var ballot = BallotRules.Cast(track, cycle, list, memberId, choices, time.GetUtcNow());
        if (ballot.IsSuccess)
        {
            await ballots.UpsertAsync(ballot.Value, cancellationToken).ConfigureAwait(false);
        }

        return ballot;
    }

    /// <summary>
    /// One poll vote added or taken back (a Discord poll event): the member's ballot follows, and is removed when they
    /// take back every answer. A problem (nothing changed) when voting is not open or the answer is not a candidate.
    /// </summary>
    public async Task<Result<Ballot?>> ApplyPollVoteAsync(Track track, ulong memberId, int answerId, bool added, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var held = await locks.ReadAsync(track.Id, cancellationToken).ConfigureAwait(false);
        using var mine = await locks.MemberAsync(track.Id, memberId, cancellationToken).ConfigureAwait(false);
        var cycle = await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        var list = await nominations.ListByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false);
        if (cycle.Phase != CyclePhase.Voting || NativePoll.Candidate([.. list.Where(n => n.IsActive)], answerId) is not { } answer)
        {
            return new Problem("poll.ignored", "That poll vote is not for an open vote's candidate.");
        }

        var existing = await ballots.GetAsync(cycle.Id, memberId, cancellationToken).ConfigureAwait(false);
        var choices = NativePoll.Apply(track, existing?.Choices ?? [], answer.Id, added);
        if (choices.Count == 0)
        {
            await ballots.DeleteAsync(cycle.Id, memberId, cancellationToken).ConfigureAwait(false);
            return (Ballot?)null;
        }

        var ballot = BallotRules.Cast(track, cycle, list, memberId, choices, time.GetUtcNow());
        if (!ballot.IsSuccess)
        {
            return ballot.Problem!;
        }

        await ballots.UpsertAsync(ballot.Value, cancellationToken).ConfigureAwait(false);
        return ballot.Value;
    }

    /// <summary>
    /// Makes the open vote's ballots exactly the poll's votes, as Discord lists them per answer (1-based answer ids by
    /// member): missed or reordered events while the bot was offline or busy cannot change the count. Run before closing.
    /// </summary>
    public async Task<Result<int>> ReplaceWithPollVotesAsync(Track track, IReadOnlyDictionary<ulong, IReadOnlyList<int>> answersByMember, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(answersByMember);
        using var held = await locks.WriteAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var cycle = await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        if (cycle.Phase != CyclePhase.Voting)
        {
            return new Problem("poll.not_voting", $"Voting for {track.Name} isn't open.");
        }

        var list = await nominations.ListByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false);
        var candidates = list.Where(n => n.IsActive).ToList();
        var now = time.GetUtcNow();
        var wanted = new Dictionary<ulong, Ballot>();
        foreach (var (member, answers) in answersByMember)
        {
            IReadOnlyList<NominationId> choices = [.. answers.Select(a => NativePoll.Candidate(candidates, a)).OfType<Nomination>().Select(n => n.Id).Distinct()];
            choices = track.Rules.VotingMethod == VotingMethod.Plurality ? [.. choices.Take(1)] : choices;
            if (choices.Count > 0 && BallotRules.Cast(track, cycle, list, member, choices, now) is { IsSuccess: true } ballot)
            {
                wanted[member] = ballot.Value;
            }
        }

        var stored = (await ballots.ListByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(b => b.MemberId);
        var changes = new List<Task>();
        changes.AddRange(stored.Keys.Where(member => !wanted.ContainsKey(member)).Select(member => ballots.DeleteAsync(cycle.Id, member, cancellationToken)));
        changes.AddRange(wanted.Values
            .Where(b => !stored.TryGetValue(b.MemberId, out var s) || !s.Choices.SequenceEqual(b.Choices))
            .Select(b => ballots.UpsertAsync(b, cancellationToken)));
        await Task.WhenAll(changes).ConfigureAwait(false);
        return wanted.Count;
    }

    /// <summary>The member's ballot in the current cycle, if they voted.</summary>
    public async Task<(Cycle Cycle, Ballot? Ballot)> GetBallotAsync(Track track, ulong memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        var cycle = await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        return (cycle, await ballots.GetAsync(cycle.Id, memberId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Closes voting, counts the ballots and announces the pick. Idempotent: once announced it returns the same outcome.
    /// </summary>
    public async Task<Result<ElectionOutcome>> CloseAndAnnounceAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var held = await locks.WriteAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var cycle = await cycles.CurrentAsync(track, time, cancellationToken).ConfigureAwait(false);
        if (cycle.Phase is CyclePhase.Announced or CyclePhase.Closed)
        {
            return await RecountAsync(track, cycle, cancellationToken).ConfigureAwait(false);
        }

        if (cycle.Phase != CyclePhase.Voting)
        {
            return new Problem("close.not_voting", $"Voting for {track.Name} isn't open, so there is nothing to close. Open it first.");
        }

        var count = await CountAsync(track, cycle, cancellationToken).ConfigureAwait(false);
        var winner = count.Candidates.Single(n => n.CandidateId == count.Tally.Winner);
        var now = time.GetUtcNow();
        var announced = cycle.Announce(winner.Id, now);
        if (!announced.IsSuccess)
        {
            return announced.Problem!;
        }

        var pick = new Pick
        {
            CycleId = cycle.Id,
            TrackId = track.Id,
            GuildId = track.GuildId,
            CycleNumber = cycle.Number,
            NominationId = winner.Id,
            Media = winner.Media,
            NominatorId = winner.MemberId,
            Pitch = winner.Pitch,
            AnnouncedAt = now.ToUniversalTime(),
            Method = track.Rules.VotingMethod,
            BallotCount = count.Tally.BallotCount,
            CandidateCount = count.Candidates.Count,
            TieBroken = count.Tally.TieBreaks.Count > 0,
            TieBreakSeedHex = cycle.TieBreakSeedHex!,
            TieBreakCommitment = cycle.TieBreakCommitment!,
        };

        // The pick first: if the process dies between the two writes, the next close finds the cycle still in
        // voting, recounts the same ballots with the same seed, and writes the same pick again.
        await picks.SaveAsync(pick, cancellationToken).ConfigureAwait(false);
        await cycles.SaveAsync(announced.Value, cancellationToken).ConfigureAwait(false);
        return new ElectionOutcome(announced.Value, pick, count.Tally, count.Candidates);
    }

    /// <summary>Recounts an announced cycle from its stored ballots and seed: the audit anyone can ask for.</summary>
    public async Task<Result<ElectionOutcome>> RecountAsync(Track track, Cycle cycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        var pick = await picks.GetByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false);
        if (pick is null || cycle.TieBreakSeedHex is null)
        {
            return new Problem("recount.not_announced", "That cycle has no announced pick to recount.");
        }

        var count = await CountAsync(track, cycle, cancellationToken).ConfigureAwait(false);
        return new ElectionOutcome(cycle, pick, count.Tally, count.Candidates);
    }

    private async Task<(TallyResult Tally, IReadOnlyList<Nomination> Candidates)> CountAsync(Track track, Cycle cycle, CancellationToken cancellationToken)
    {
        var list = await nominations.ListByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false);
        var cast = await ballots.ListByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false);
        var candidates = list.Where(n => n.IsActive).ToList();
        var tally = Election.Count(track.Rules.VotingMethod, candidates, cast, TieBreakSeed.FromHex(cycle.TieBreakSeedHex!));
        return (tally, candidates);
    }
}
