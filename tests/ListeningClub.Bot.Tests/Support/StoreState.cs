using System.Text.Json;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>Everything the club has stored, as one comparable text: "nothing changed" means this text did not change.</summary>
public static class StoreState
{
    public static async Task<string> OfAsync(RunningBot bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var club = await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default);
        var tracks = new List<object>();
        foreach (var track in club?.Tracks ?? [])
        {
            var cycles = await bot.Get<ICycleRepository>().ListByTrackAsync(track.Id, default);
            var ballots = new List<Ballot>();
            foreach (var cycle in cycles)
            {
                ballots.AddRange(await bot.Get<IBallotRepository>().ListByCycleAsync(cycle.Id, default));
            }

            tracks.Add(new
            {
                track.Id,
                track.Name,
                track.ChannelId,
                track.TimeZoneId,
                track.Rules,
                Cycles = cycles,
                Ballots = ballots,
                Nominations = await bot.Get<INominationRepository>().ListByTrackAsync(track.Id, default),
                Picks = await bot.Get<IPickRepository>().ListByTrackAsync(track.Id, default),
                Prompts = await bot.Get<IPromptRepository>().ListByTrackAsync(track.Id, default),
                Ratings = await bot.Get<IRatingRepository>().ListByTrackAsync(track.Id, default),
            });
        }

        return JsonSerializer.Serialize(new { club?.ManagerRoleId, Tracks = tracks });
    }
}
