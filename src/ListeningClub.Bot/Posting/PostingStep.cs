using ListeningClub.Application.Steps;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Posting;

/// <summary>A step that posts in the track's channel: it runs with the channel's kind (text or forum) known.</summary>
public abstract class PostingStep(StepKind performs, TrackPosts posts) : IStepHandler
{
    public StepKind Performs => performs;

    protected TrackPosts Posts => posts;

    public async Task<Result<StepRun>> RunAsync(StepRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = await posts.WithChannelKindAsync(request.Track, ct).ConfigureAwait(false);
        return await PerformAsync(request with { Track = track }, ct).ConfigureAwait(false);
    }

    /// <summary>Performs the step; <see cref="StepRequest.Track"/> has its channel's kind.</summary>
    protected abstract Task<Result<StepRun>> PerformAsync(StepRequest request, CancellationToken ct);
}
