using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Steps;
using ListeningClub.Discord.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>Nominating: /nominate, /withdraw, /nominations, /club veto, and the steps that open a cycle's nominations.</summary>
public static class NominationsFeature
{
    public static IServiceCollection AddNominations(this IServiceCollection services)
    {
        services.AddSingleton<Nominator>();
        services.AddSingleton<NominationDrafts>();
        services.AddSingleton<TitleSuggestions>();
        services.AddMemberCommand<NominateCommand>();
        services.AddInteractionHandler<NominationChoice>();
        services.AddMemberCommand<WithdrawCommand>();
        services.AddMemberCommand<NominationsCommand>();
        services.AddManagerSubcommand<ClubVeto>();
        services.AddStep<OpenNominationsStep>();
        services.AddStep<StartNextCycleStep>();
        return services;
    }
}
