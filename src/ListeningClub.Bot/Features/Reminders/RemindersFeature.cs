using ListeningClub.Discord.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Reminders;

/// <summary>Registers the reminders: /remind, the Remind me button and what sends them (/club reminder-role is listed in ClubCommand).</summary>
public static class RemindersFeature
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<ReminderRole>();
        services.AddSingleton<ReminderSender>();
        services.AddInteractionHandler<RemindCommand>();
        services.AddInteractionHandler<RemindButton>();
        return services;
    }
}
