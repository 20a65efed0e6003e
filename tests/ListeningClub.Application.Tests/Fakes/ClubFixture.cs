using ListeningClub.Application.Clubs;
using ListeningClub.Application.Cycles;
using ListeningClub.Application.Locks;
using ListeningClub.Application.Nominations;
using ListeningClub.Application.Prompts;
using ListeningClub.Application.Ratings;
using ListeningClub.Application.Voting;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Application.Tests.Fakes;

/// <summary>The domain services wired to in-memory repositories and a fake clock.</summary>
public sealed class ClubFixture
{
    public const ulong Guild = 1_000;
    public const ulong Channel = 2_000;

    public ClubFixture()
    {
        var locks = new TrackLocks();
        Clubs = new ClubService(Store, Store, Store, locks, Time);
        Nominations = new NominationService(Store, Store, Store, locks, Time);
        Voting = new VotingService(Store, Store, Store, Store, locks, Time);
        Cycles = new CycleService(Store, Store, locks, Time);
        Ratings = new RatingService(Store, Store, locks, Time);
        Prompts = new PromptService(Store, Time, new Random(42));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public InMemoryRepositories Store { get; } = new();

    public ClubService Clubs { get; }

    public NominationService Nominations { get; }

    public VotingService Voting { get; }

    public CycleService Cycles { get; }

    public RatingService Ratings { get; }

    public PromptService Prompts { get; }

    public async Task<Track> FilmTrackAsync(TrackRules? rules = null, string name = "Film Night")
    {
        var track = await Clubs.SetupTrackAsync(Guild, name, MediaKind.Film, Channel, "Europe/Berlin", rules ?? TrackRules.Default, CancellationToken.None);
        Assert.True(track.IsSuccess, track.Problem?.Message);
        return track.Value;
    }

    public async Task<Nomination> NominateAsync(Track track, ulong member, string title, int? year = null)
    {
        var media = MediaFactory.Film(title, year, null, null).Value;
        var nomination = await Nominations.NominateAsync(track, member, media, null, CancellationToken.None);
        Assert.True(nomination.IsSuccess, nomination.Problem?.Message);
        return nomination.Value;
    }

    public Task<Cycle> CurrentCycleAsync(Track track) => ((ICycleRepository)Store).CurrentAsync(track, Time, CancellationToken.None);
}
