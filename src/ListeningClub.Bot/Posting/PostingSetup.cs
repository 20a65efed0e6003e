using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Posting;

/// <summary>Registers what posts for the features: the outbox (sender, dispatcher, late announcements), the track's posts and the queued-posts view.</summary>
public static class PostingSetup
{
    public static IServiceCollection AddPosting(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxWakeUp>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<PostAttachments>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<LateAnnouncements>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<QueuedPosts>();
        services.AddSingleton<TrackPosts>();
        return services;
    }
}
