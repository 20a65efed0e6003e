using ListeningClub.Application.Steps;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Steps;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Discussion;

/// <summary>The pick's discussion: its thread and starter, the scheduled prompts, /prompt suggest and /club prompts.</summary>
public static class DiscussionFeature
{
    public static IServiceCollection AddDiscussion(this IServiceCollection services)
    {
        services.AddMemberCommand<PromptCommand>();
        services.AddManagerSubcommand<ClubPrompts>();
        services.AddStep<OpenDiscussionStep>();
        services.AddTrackEventListener<PickAnnounced, OpenDiscussionStep>();
        services.AddTrackEventListener<AnnouncementPostedLate, OpenDiscussionStep>();
        services.AddStep<PostPromptStep>();
        return services;
    }
}
