using ListeningClub.Application.Steps;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Steps;
using ListeningClub.Discord.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>
/// The schedule: /schedule, /club schedule, pause, resume, skip and advance; one Quartz trigger per track armed at its
/// next step (the job runs the due steps), the catch-up pass at start and after every READY, and the party's Discord
/// event.
/// </summary>
public static class ScheduleFeature
{
    public static IServiceCollection AddSchedule(this IServiceCollection services)
    {
        services.AddMemberCommand<ScheduleCommand>();
        services.AddManagerSubcommand<ClubSchedule>();
        services.AddManagerSubcommand<ClubPause>();
        services.AddManagerSubcommand<ClubResume>();
        services.AddManagerSubcommand<ClubSkip>();
        services.AddManagerSubcommand<ClubAdvance>();
        services.AddSingleton<TrackTriggers>();
        services.AddSingleton<ITrackTrigger>(provider => provider.GetRequiredService<TrackTriggers>());
        services.AddTransient<TrackStepJob>();
        services.AddSingleton<CatchUpRequests>();
        services.AddGatewayDispatchHandler<CatchUpOnReady>();
        services.AddHostedService<CatchUp>();
        services.AddTrackEventListener<PickAnnounced, PartyEvents>();
        services.AddTrackEventListener<AnnouncementPostedLate, PartyEvents>();
        return services;
    }
}
