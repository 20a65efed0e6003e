using ListeningClub.Application.Steps;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Features.Voting;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>A track's steps as tests drive them: what its trigger does, and what a manager's /club advance, open-voting and close-voting do.</summary>
public sealed class TrackSteps(Func<Type, object> get)
{
    private StepRunner Runner => (StepRunner)get(typeof(StepRunner));

    /// <summary>The trigger firing: runs what is due and returns the next planned step.</summary>
    public async Task<PlannedStep?> AdvanceAsync(ulong guildId, TrackId trackId, CancellationToken ct) =>
        (await Runner.AdvanceAsync(guildId, trackId, ct)).Next;

    public Task<Result<AdvancedStep>> RunNextStepNowAsync(Track track, CancellationToken ct) => Runner.RunNextStepNowAsync(track, ct);

    public Task<Result<Cycle>> OpenVotingNowAsync(Track track, CancellationToken ct) =>
        Runner.InTurnAsync(track, _ => ((OpenVotingStep)get(typeof(OpenVotingStep))).OpenNowAsync(track, ct), ct);

    public Task<Result<ElectionOutcome>> CloseVotingNowAsync(Track track, CancellationToken ct) =>
        Runner.InTurnAsync(track, recent => ((CloseVotingStep)get(typeof(CloseVotingStep))).CloseAsync(track, recent, TimeSpan.Zero, ct), ct);
}

public static class TrackStepsExtensions
{
    public static TrackSteps Steps(this BotHarness bot) => new(bot.Get);

    public static TrackSteps Steps(this RunningBot bot) => new(bot.Get);
}
