using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Storage.Tests.Support;

/// <summary>Domain values for storage tests, with every optional field filled unless a test says otherwise.</summary>
public static class Sample
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static Track Track(ulong guildId = 1000, string name = "Film Night", MediaKind kind = MediaKind.Film) => new()
    {
        Id = TrackId.New(),
        GuildId = guildId,
        Name = name,
        Kind = kind,
        ChannelId = 2000,
        TimeZoneId = "Europe/Berlin",
        Rules = new TrackRules { NominationCapPerMember = 2, CarryOverCycles = 1, AllowPastPicks = true, VotingMethod = VotingMethod.Schulze, BallotSize = 5, NativePoll = true },
    };

    public static Club Club(ulong guildId = 1000, params Track[] tracks) => new()
    {
        GuildId = guildId,
        ManagerRoleId = 3000,
        Tracks = tracks,
    };

    public static Cycle Cycle(TrackId trackId, int number = 1) => new()
    {
        Id = CycleId.New(),
        TrackId = trackId,
        Number = number,
        Phase = CyclePhase.Voting,
        StartedAt = Now,
        VotingOpensAt = Now.AddDays(3),
        VotingClosesAt = Now.AddDays(4),
        VotingOpenedAt = Now.AddDays(3).AddSeconds(1),
        TieBreakSeedHex = new string('a', 64),
        TieBreakCommitment = new string('b', 64),
    };

    public static Film Film(string title = "Paris, Texas", int? year = 1984) => new()
    {
        Title = title,
        Year = year,
        Director = "Wim Wenders",
        Link = new Uri("https://example.org/films/paris-texas"),
    };

    public static Album Album(string title = "Blue", string artist = "Joni Mitchell") => new()
    {
        Title = title,
        Artist = artist,
        Year = 1971,
        Link = new Uri("https://example.org/albums/blue"),
    };

    public static Nomination Nomination(Cycle cycle, ulong member = 10, MediaItem? media = null, DateTimeOffset? at = null) => new()
    {
        Id = NominationId.New(),
        TrackId = cycle.TrackId,
        CycleId = cycle.Id,
        MemberId = member,
        Media = media ?? Film(),
        Pitch = "A road film about silence.",
        NominatedAt = at ?? Now,
    };

    public static Ballot Ballot(CycleId cycleId, ulong member, params NominationId[] choices) => new()
    {
        CycleId = cycleId,
        MemberId = member,
        Choices = choices.Length > 0 ? choices : [NominationId.New(), NominationId.New()],
        CastAt = Now,
    };

    public static Pick Pick(Cycle cycle, ulong guildId = 1000, int number = 1, DateTimeOffset? at = null) => new()
    {
        CycleId = cycle.Id,
        TrackId = cycle.TrackId,
        GuildId = guildId,
        CycleNumber = number,
        NominationId = NominationId.New(),
        Media = Film(),
        NominatorId = 10,
        Pitch = "A road film about silence.",
        AnnouncedAt = at ?? Now,
        Method = VotingMethod.InstantRunoff,
        BallotCount = 12,
        CandidateCount = 4,
        TieBroken = true,
        TieBreakSeedHex = new string('c', 64),
        TieBreakCommitment = new string('d', 64),
        ThreadId = 5000,
    };

    public static Rating Rating(Cycle cycle, ulong member, int score = 8, string? review = "Loved the ending.") => new()
    {
        CycleId = cycle.Id,
        TrackId = cycle.TrackId,
        MemberId = member,
        Score = score,
        Review = review,
        RatedAt = Now,
    };

    public static Prompt Prompt(TrackId trackId, string text = "Which scene stayed with you the longest?", DateTimeOffset? at = null) => new()
    {
        Id = PromptId.New(),
        TrackId = trackId,
        Text = text,
        Source = PromptSource.Member,
        AddedBy = 10,
        AddedAt = at ?? Now,
    };
}
