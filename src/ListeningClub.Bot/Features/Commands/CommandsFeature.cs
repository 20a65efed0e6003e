using ListeningClub.Bot.Features.Club;
using ListeningClub.Bot.Features.Help;
using ListeningClub.Bot.Features.Nominations;
using ListeningClub.Bot.Features.Picks;
using ListeningClub.Bot.Features.Prompts;
using ListeningClub.Bot.Features.Ratings;
using ListeningClub.Bot.Features.Voting;
using ListeningClub.Discord.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Commands;

/// <summary>Registers every slash command and component handler; the registrar syncs their definitions with Discord on READY.</summary>
public static class CommandsFeature
{
    public static IServiceCollection AddClubCommands(this IServiceCollection services)
    {
        services.AddSingleton<ClubHandlerServices>();
        services.AddSingleton<ChannelAccess>();
        services.AddScoped<BallotSession>();
        services.AddInteractionHandler<HelpCommand>();
        services.AddInteractionHandler<NominateCommand>();
        services.AddInteractionHandler<WithdrawCommand>();
        services.AddInteractionHandler<NominationsCommand>();
        services.AddInteractionHandler<VoteCommand>();
        services.AddInteractionHandler<BallotCommand>();
        services.AddInteractionHandler<BallotComponents>();
        services.AddInteractionHandler<PickCommand>();
        services.AddInteractionHandler<RateCommand>();
        services.AddInteractionHandler<HistoryCommand>();
        services.AddInteractionHandler<StatsCommand>();
        services.AddInteractionHandler<PromptCommand>();
        services.AddInteractionHandler<ClubCommand>();
        return services;
    }
}
