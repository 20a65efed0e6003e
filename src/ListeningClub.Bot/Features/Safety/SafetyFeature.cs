using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Safety;

public static class SafetyFeature
{
    public static IServiceCollection AddMemberRateLimits(this IServiceCollection services)
    {
        // Validation failures are turned into "Abuse:Window: …" lines by BotHost, like every other options class.
        services.AddOptions<MemberRateLimitOptions>()
            .BindConfiguration(MemberRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MemberRateLimiter>();
        return services;
    }
}
