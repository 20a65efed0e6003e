using ListeningClub.Bot.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Health;

/// <summary>The health checks (gateway, store, scheduler) and the loopback <c>/healthz</c> endpoint that answers from them.</summary>
public static class HealthFeature
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<GatewayHealthCheck>(GatewayHealthCheck.Name)
            .AddCheck<StoreHealthCheck>(StoreHealthCheck.Name)
            .AddCheck<SchedulerHealthCheck>(SchedulerHealthCheck.Name);
        services.AddHostedService<HealthEndpoint>();
        services.AddWebEndpoints<HealthWebEndpoint>();
        return services;
    }
}
