using ListeningClub.Bot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Help;

/// <summary>/help, written from every registered command's own help line.</summary>
public static class HelpFeature
{
    public static IServiceCollection AddHelp(this IServiceCollection services) => services.AddMemberCommand<HelpCommand>();
}
