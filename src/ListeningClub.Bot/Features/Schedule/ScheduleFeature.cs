using ListeningClub.Application.Scheduling;
using ListeningClub.Discord.Hosting;
using ListeningClub.Domain.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>Registers /schedule and what the schedule commands share (the /club ones are listed in ClubCommand).</summary>
public static class ScheduleFeature
{
    public static IServiceCollection AddScheduleCommands(this IServiceCollection services)
    {
        services.TryAddSingleton<RhythmService>();
        services.TryAddSingleton<UpcomingSteps>();
        services.AddInteractionHandler<ScheduleCommand>();
        return services;
    }
}
