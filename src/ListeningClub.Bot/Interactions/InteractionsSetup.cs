using ListeningClub.Discord.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Interactions;

/// <summary>
/// The command plumbing every feature shares: the member command base's services, the per-member rate limit, the
/// channel checks, manager changes to a track, and /club itself (its subcommands come from the features).
/// </summary>
public static class InteractionsSetup
{
    public static IServiceCollection AddInteractions(this IServiceCollection services)
    {
        // Validation failures are turned into "Abuse:Window: …" lines by BotHost, like every other options class.
        services.AddOptions<MemberRateLimitOptions>()
            .BindConfiguration(MemberRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MemberRateLimiter>();
        services.AddSingleton<MemberCommandServices>();
        services.AddSingleton<ChannelAccess>();
        services.AddSingleton<TrackChange>();
        services.AddInteractionHandler<ManagerCommand>(provider => ManagerCommand.RoutesFor(provider.GetServices<ManagerSubcommandRegistration>()));
        return services;
    }
}
