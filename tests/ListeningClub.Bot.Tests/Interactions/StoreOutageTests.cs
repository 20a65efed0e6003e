using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Interactions;

/// <summary>Autocomplete while the club's store cannot be reached (PostgreSQL restarting): no suggestions, one warning line, no error.</summary>
public sealed class StoreOutageTests
{
    [Fact]
    public async Task Autocomplete_WhileTheStoreIsUnreachable_SuggestsNothing_AndLogsOneWarningLine()
    {
        var logs = new CapturedLogs();
        var outage = new Outage();
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings
        {
            Configure = builder =>
            {
                var clubs = builder.Services.Last(d => d.ServiceType == typeof(IClubRepository));
                builder.Services.AddSingleton<IClubRepository>(provider => new UnreachableDuringOutage((IClubRepository)clubs.ImplementationFactory!(provider), outage));
                builder.Services.AddSingleton<ILoggerProvider>(logs);
            },
        });
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"])));
        outage.On = true;

        var sent = await bot.Control.SendInteractionAsync(new InteractionSpec(bot.Guild.Channels["film-night"], bot.Guild.Users["boss"], 4, Autocomplete("club", "show", "track", "Fi"), bot.Guild.GuildId));
        var answered = await bot.AnsweredAsync(sent.Id);

        Assert.Equal(8, answered.Callbacks[^1]["type"]!.GetValue<int>());
        Assert.Empty(answered.Callbacks[^1]["data"]!["choices"]!.AsArray());
        var line = Assert.Single(logs.Entries, e => e.Text.Contains("cannot be reached", StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private sealed class Outage
    {
        public volatile bool On;
    }

    private sealed class UnreachableDuringOutage(IClubRepository inner, Outage outage) : IClubRepository
    {
        public Task<Club?> GetAsync(ulong guildId, CancellationToken cancellationToken) =>
            outage.On
                ? Task.FromException<Club?>(new StoreUnavailableException("PostgreSQL \"listeningclub\" on db:5432 as bot cannot be reached right now: connection refused"))
                : inner.GetAsync(guildId, cancellationToken);

        public Task<Club?> FindByArchiveSlugAsync(string slug, CancellationToken cancellationToken) => inner.FindByArchiveSlugAsync(slug, cancellationToken);

        public Task<IReadOnlyList<Club>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public Task SaveAsync(Club club, CancellationToken cancellationToken) => inner.SaveAsync(club, cancellationToken);
    }
}
