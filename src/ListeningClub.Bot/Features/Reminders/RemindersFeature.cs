using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Steps;
using ListeningClub.Discord.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Reminders;

/// <summary>Reminders: /remind, the Remind me button, /club reminder-role, and the voting and party reminder steps.</summary>
public static class RemindersFeature
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<ReminderRole>();
        services.AddSingleton<ReminderSender>();
        services.AddMemberCommand<RemindCommand>();
        services.AddInteractionHandler<RemindButton>();
        services.AddManagerSubcommand<ClubReminderRole>();
        services.AddStep<RemindVotingStep>();
        services.AddStep<RemindPartyStep>();
        return services;
    }
}
