using ListeningClub.Application.Clubs;
using ListeningClub.Application.Tracks;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Tests.Features.Setup;

/// <summary>Changes to one club at the same moment, through the real store: none overwrites another.</summary>
public sealed class ConcurrentClubChangesTests
{
    [Fact]
    public async Task TracksSetUpWhileOthersChange_EveryChangeIsKept()
    {
        await using var bot = await BotHarness.StartAsync(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var first = await bot.SetupTrackAsync("Film Night", MediaKind.Film, "film-night");
        var clubs = bot.Get<ClubService>();
        var tracks = bot.Get<TrackService>();

        // Eight new tracks, a manager role, and a setting of the first track, all at once: each reads the club and writes it back.
        var changes = Enumerable.Range(1, 8)
            .Select(i => Task.Run(() => clubs.SetupTrackAsync(bot.GuildId, $"Track {i}", MediaKind.Album, bot.Channel("album-club"), "Europe/Berlin", TrackRules.Default, default)))
            .Append(Task.Run(async () => (await clubs.SetManagerRoleAsync(bot.GuildId, 42, default)).Map(_ => first)))
            .Append(Task.Run(() => tracks.SetReminderRoleAsync(first, 77, default)))
            .ToList();
        var results = await Task.WhenAll(changes);

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Problem?.Message));
        var club = (await clubs.GetAsync(bot.GuildId, default))!;
        Assert.Equal(9, club.Tracks.Count);
        Assert.Equal(42UL, club.ManagerRoleId);
        Assert.Equal(77UL, club.FindTrack(first.Id)!.ReminderRoleId);
    }
}
