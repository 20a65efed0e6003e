using ListeningClub.Application.Cycles;
using ListeningClub.Application.Steps;
using ListeningClub.Bot.Posting;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Schedule;
using ListeningClub.Storage.Engine;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>The step that closes the announced cycle, starts the next one (carrying nominations over) and says that its nominations are open.</summary>
public sealed class StartNextCycleStep(CycleService cycles, OpenNominationsStep nominationsOpen, TrackPosts posts, IStorageMaintenance storage) : PostingStep(StepKind.StartNextCycle, posts)
{
    protected override async Task<Result<StepRun>> PerformAsync(StepRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var next = await cycles.StartNextAsync(request.Track, ct).ConfigureAwait(false);
        if (!next.IsSuccess)
        {
            return next.Problem!;
        }

        await storage.CheckpointAsync(ct).ConfigureAwait(false);
        await nominationsOpen.PostAsync(request, next.Value, ct).ConfigureAwait(false);
        return StepRun.Performed;
    }
}
