using ListeningClub.Application.Steps;
using ListeningClub.Bot.Posting;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>The step that tells the channel a cycle's nominations are open: what to nominate, how, how many, until when.</summary>
public sealed class OpenNominationsStep(TrackPosts posts) : PostingStep(StepKind.OpenNominations, posts)
{
    protected override Task<Result<StepRun>> PerformAsync(StepRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostAsync(request, request.Cycle, ct);
    }

    /// <summary>Posts <paramref name="cycle"/>'s nominations-open message once and records the step done on it.</summary>
    internal Task<Result<StepRun>> PostAsync(StepRequest request, Cycle cycle, CancellationToken ct) =>
        Posts.PostForStepAsync(
            request with { Recent = [cycle], Planned = request.Planned with { CycleId = cycle.Id } },
            StepPlanner.NominationsKey,
            PostKinds.NominationsOpen,
            cycle.Id.ToString(),
            NominationMessages.NominationsOpen(request.Track, cycle),
            $"📝 {request.Track.Name}: nominations (cycle {cycle.Number})",
            null,
            ct);
}
