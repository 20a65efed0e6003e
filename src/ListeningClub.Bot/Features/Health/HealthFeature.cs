using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Health;

public static class HealthFeature
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HealthProbe>();
        services.AddHostedService<HealthEndpoint>();
        return services;
    }
}
