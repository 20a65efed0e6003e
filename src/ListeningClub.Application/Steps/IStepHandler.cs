using ListeningClub.Domain.Common;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Application.Steps;

/// <summary>
/// Performs one kind of step of a track's cycle (open voting, post a prompt, …). The <see cref="StepRunner"/> chooses
/// the step from the cycle's state and calls its handler holding the track's step turn, so two never run for one
/// track at once. A handler changes cycles only through the use cases (which take the track's lock), posts at most
/// once per step (an outbox intent), and records the step done on its cycle, so running it again changes nothing.
/// </summary>
public interface IStepHandler
{
    StepKind Performs { get; }

    Task<Result<StepRun>> RunAsync(StepRequest request, CancellationToken ct);
}
