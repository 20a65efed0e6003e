using ListeningClub.Bot.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Features.Setup;

/// <summary>Setting the club up: /club setup, /club show, /club manager-role, and the defaults new tracks start from.</summary>
public static class SetupFeature
{
    public static IServiceCollection AddSetup(this IServiceCollection services)
    {
        services.AddOptions<ClubDefaultsOptions>().BindConfiguration(ClubDefaultsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClubDefaultsOptions>, ClubDefaultsValidator>();
        services.AddManagerSubcommand<ClubSetup>();
        services.AddManagerSubcommand<ClubShow>();
        services.AddManagerSubcommand<ClubManagerRole>();
        return services;
    }
}
