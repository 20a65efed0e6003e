using System.Collections.Concurrent;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Application.Tests.Fakes;

/// <summary>Hand-written in-memory repositories for testing the domain services' orchestration.</summary>
public sealed class InMemoryRepositories : IClubRepository, ICycleRepository, INominationRepository, IBallotRepository, IPickRepository, IRatingRepository, IPromptRepository
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, Club> _clubs = [];
    private readonly Dictionary<CycleId, Cycle> _cycles = [];
    private readonly List<Nomination> _nominations = [];
    private readonly Dictionary<(CycleId, ulong), Ballot> _ballots = [];
    private readonly Dictionary<CycleId, Pick> _picks = [];
    private readonly Dictionary<(CycleId, ulong), Rating> _ratings = [];
    private readonly Dictionary<PromptId, Prompt> _prompts = [];
    private readonly ConcurrentDictionary<TrackId, PromptDrawState> _drawStates = new();

    public int Writes { get; private set; }

    Task<Club?> IClubRepository.GetAsync(ulong guildId, CancellationToken cancellationToken) => Read(() => _clubs.GetValueOrDefault(guildId));

    Task<Club?> IClubRepository.FindByArchiveSlugAsync(string slug, CancellationToken cancellationToken) =>
        Read(() => _clubs.Values.FirstOrDefault(club => string.Equals(club.ArchiveSlug, slug, StringComparison.Ordinal)));

    Task<IReadOnlyList<Club>> IClubRepository.ListAsync(CancellationToken cancellationToken) => Read<IReadOnlyList<Club>>(() => [.. _clubs.Values]);

    Task IClubRepository.SaveAsync(Club club, CancellationToken cancellationToken) => Write(() => _clubs[club.GuildId] = club);

    Task<Cycle?> ICycleRepository.GetAsync(CycleId id, CancellationToken cancellationToken) => Read(() => _cycles.GetValueOrDefault(id));

    Task<Cycle?> ICycleRepository.GetCurrentAsync(TrackId trackId, CancellationToken cancellationToken) =>
        Read(() => _cycles.Values.Where(c => c.TrackId == trackId).MaxBy(c => c.Number));

    Task<IReadOnlyList<Cycle>> ICycleRepository.ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<Cycle>>(() => [.. _cycles.Values.Where(c => c.TrackId == trackId).OrderBy(c => c.Number)]);

    Task ICycleRepository.SaveAsync(Cycle cycle, CancellationToken cancellationToken) => Write(() => _cycles[cycle.Id] = cycle);

    Task<Nomination?> INominationRepository.GetAsync(NominationId id, CancellationToken cancellationToken) => Read(() => _nominations.FirstOrDefault(n => n.Id == id));

    Task<IReadOnlyList<Nomination>> INominationRepository.ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<Nomination>>(() => [.. _nominations.Where(n => n.CycleId == cycleId)]);

    Task<IReadOnlyList<Nomination>> INominationRepository.ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<Nomination>>(() => [.. _nominations.Where(n => n.TrackId == trackId)]);

    Task<Nomination?> INominationRepository.AddAsync(Nomination nomination, CancellationToken cancellationToken) => Read(() =>
    {
        var existing = _nominations.FirstOrDefault(n => n.CycleId == nomination.CycleId && n.IsActive && n.Key == nomination.Key);
        if (existing is null)
        {
            _nominations.Add(nomination);
            Writes++;
        }

        return existing;
    });

    Task INominationRepository.AddRangeAsync(IReadOnlyList<Nomination> nominations, CancellationToken cancellationToken) => Write(() => _nominations.AddRange(nominations));

    Task INominationRepository.UpdateAsync(Nomination nomination, CancellationToken cancellationToken) =>
        Write(() => _nominations[_nominations.FindIndex(n => n.Id == nomination.Id)] = nomination);

    Task IBallotRepository.UpsertAsync(Ballot ballot, CancellationToken cancellationToken) => Write(() => _ballots[(ballot.CycleId, ballot.MemberId)] = ballot);

    Task<Ballot?> IBallotRepository.GetAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken) => Read(() => _ballots.GetValueOrDefault((cycleId, memberId)));

    Task<IReadOnlyList<Ballot>> IBallotRepository.ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<Ballot>>(() => [.. _ballots.Values.Where(b => b.CycleId == cycleId)]);

    Task IBallotRepository.DeleteAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken) => Write(() => _ballots.Remove((cycleId, memberId)));

    Task<int> IBallotRepository.CountByCycleAsync(CycleId cycleId, CancellationToken cancellationToken) => Read(() => _ballots.Values.Count(b => b.CycleId == cycleId));

    Task<Pick?> IPickRepository.GetByCycleAsync(CycleId cycleId, CancellationToken cancellationToken) => Read(() => _picks.GetValueOrDefault(cycleId));

    Task<IReadOnlyList<Pick>> IPickRepository.ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<Pick>>(() => [.. _picks.Values.Where(p => p.TrackId == trackId).OrderBy(p => p.CycleNumber)]);

    Task<IReadOnlyList<Pick>> IPickRepository.ListByGuildAsync(ulong guildId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<Pick>>(() => [.. _picks.Values.Where(p => p.GuildId == guildId).OrderBy(p => p.AnnouncedAt)]);

    Task IPickRepository.SaveAsync(Pick pick, CancellationToken cancellationToken) => Write(() => _picks[pick.CycleId] = pick);

    Task IRatingRepository.UpsertAsync(Rating rating, CancellationToken cancellationToken) => Write(() => _ratings[(rating.CycleId, rating.MemberId)] = rating);

    Task<Rating?> IRatingRepository.GetAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken) => Read(() => _ratings.GetValueOrDefault((cycleId, memberId)));

    Task<IReadOnlyList<Rating>> IRatingRepository.ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<Rating>>(() => [.. _ratings.Values.Where(r => r.CycleId == cycleId)]);

    Task<IReadOnlyList<Rating>> IRatingRepository.ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<Rating>>(() => [.. _ratings.Values.Where(r => r.TrackId == trackId)]);

    Task<IReadOnlyList<Prompt>> IPromptRepository.ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<Prompt>>(() => [.. _prompts.Values.Where(p => p.TrackId == trackId)]);

    Task IPromptRepository.SaveAsync(IReadOnlyList<Prompt> prompts, CancellationToken cancellationToken) => Write(() =>
    {
        foreach (var prompt in prompts)
        {
            _prompts[prompt.Id] = prompt;
        }
    });

    Task<PromptDrawState?> IPromptRepository.GetDrawStateAsync(TrackId trackId, CancellationToken cancellationToken) => Read(() => _drawStates.GetValueOrDefault(trackId));

    Task IPromptRepository.SaveDrawStateAsync(PromptDrawState state, CancellationToken cancellationToken) => Write(() => _drawStates[state.TrackId] = state);

    private async Task<T> Read<T>(Func<T> read)
    {
        await Task.Yield(); // behave like a real store: complete asynchronously
        lock (_gate)
        {
            return read();
        }
    }

    private async Task Write(Action write)
    {
        await Task.Yield();
        lock (_gate)
        {
            write();
            Writes++;
        }
    }
}
