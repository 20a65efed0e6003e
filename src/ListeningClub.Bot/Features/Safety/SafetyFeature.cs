using ListeningClub.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Safety;

public static class SafetyFeature
{
    public static IServiceCollection AddMemberRateLimits(this IServiceCollection services)
    {
        services.BindAndValidate<MemberRateLimitOptions>(MemberRateLimitOptions.SectionName);
        services.AddSingleton<MemberRateLimiter>();
        return services;
    }
}
