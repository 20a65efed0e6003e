using ListeningClub.Bot.Features.Voting.Polls;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Steps;
using ListeningClub.Discord.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>
/// Voting: /vote, /ballot and the ballot form, /club open-voting and close-voting, the steps that open and close the
/// vote (the result announcement), and voting with Discord polls (live poll votes, the exact count before the close).
/// </summary>
public static class VotingFeature
{
    public static IServiceCollection AddVoting(this IServiceCollection services)
    {
        services.AddScoped<BallotSession>();
        services.AddSingleton<BallotMetrics>();
        services.AddMemberCommand<VoteCommand>();
        services.AddMemberCommand<BallotCommand>();
        services.AddInteractionHandler<BallotComponents>();
        services.AddManagerSubcommand<ClubOpenVoting>();
        services.AddManagerSubcommand<ClubCloseVoting>();
        services.AddStep<OpenVotingStep>();
        services.AddStep<CloseVotingStep>();
        services.AddSingleton<IPostAttachments, ResultPictures>();
        services.AddSingleton<PollCount>();
        services.AddGatewayDispatchHandler<PollVotes>();
        return services;
    }
}
