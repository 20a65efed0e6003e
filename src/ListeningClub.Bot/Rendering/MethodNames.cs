using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Rendering;

public static class MethodNames
{
    public static string Of(VotingMethod method) => method switch
    {
        VotingMethod.Plurality => "Plurality (one vote each)",
        VotingMethod.Approval => "Approval (vote for any you like)",
        VotingMethod.InstantRunoff => "Instant-runoff (ranked choice)",
        VotingMethod.Schulze => "Schulze (ranked, head-to-head)",
        _ => method.ToString(),
    };
}
