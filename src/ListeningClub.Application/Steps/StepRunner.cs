using ListeningClub.Application.Cycles;
using ListeningClub.Application.Locks;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Application.Steps;

/// <summary>
/// Runs a track's steps from the store's state: the planner (<see cref="StepPlanner"/>) says which step is due, its
/// <see cref="IStepHandler"/> performs it. Whoever runs a step (the scheduled trigger, a manager's /club advance,
/// open-voting or close-voting) takes the track's step turn first, so a step is chosen and performed before the next
/// is chosen, and never twice.
/// </summary>
public sealed class StepRunner : IDisposable
{
    /// <summary>
    /// Tracks advanced at once. Triggers fire on time however many come due together; their work then takes turns, so
    /// a burst of a thousand closes neither starves the thread pool with blocking store reads nor exceeds LiteDB's
    /// limit of open transactions. The posts they make queue in the REST client's rate limiter either way.
    /// </summary>
    public const int MaxConcurrentAdvances = 16;

    private const int MaxTransitionsPerCall = 16;

    /// <summary>More than every step two cycles can hold: /club advance skips at most this many steps found done already.</summary>
    private const int MaxStepsPerAdvance = 32;

    private readonly SemaphoreSlim _turns = new(MaxConcurrentAdvances, MaxConcurrentAdvances);
    private readonly IClubRepository _clubs;
    private readonly ICycleRepository _cycles;
    private readonly Dictionary<StepKind, IStepHandler> _handlers;
    private readonly TrackLocks _locks;
    private readonly TimeProvider _time;

    public StepRunner(IClubRepository clubs, ICycleRepository cycles, IEnumerable<IStepHandler> handlers, TrackLocks locks, TimeProvider time)
    {
        _clubs = clubs;
        _cycles = cycles;
        _handlers = handlers.ToDictionary(h => h.Performs);
        _locks = locks;
        _time = time;
        var missing = Enum.GetValues<StepKind>().Where(step => !_handlers.ContainsKey(step)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No step handler is registered for {string.Join(", ", missing)}.");
        }
    }

    /// <summary>
    /// "Advance this track if anything is due": runs every due step exactly once, in order, and returns what comes next.
    /// Safe to call at any time and as often as you like (the trigger calls it when a step comes due and once for every
    /// track at start-up, the catch-up pass).
    /// </summary>
    public async Task<AdvanceReport> AdvanceAsync(ulong guildId, TrackId trackId, CancellationToken ct)
    {
        await _turns.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var turn = await _locks.StepTurnAsync(trackId, ct).ConfigureAwait(false);
            return await AdvanceInTurnAsync(guildId, trackId, ct).ConfigureAwait(false);
        }
        finally
        {
            _turns.Release();
        }
    }

    /// <summary>
    /// A manager runs the track's next step now (/club advance): the first step due, else the first one still ahead,
    /// with the posts it makes on schedule. The cycle records it done, so when its planned time comes nothing runs again
    /// and the trigger moves on to the step after it. A step found performed already (its post was decided before) is
    /// recorded, and the one after it runs instead: every call performs one new step.
    /// </summary>
    public async Task<Result<AdvancedStep>> RunNextStepNowAsync(Track track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.Schedule.Paused)
        {
            return new Problem("rhythm.paused", $"{track.Name} is paused. Resume it with /club resume first, or use /club open-voting or /club close-voting.");
        }

        using var turn = await _locks.StepTurnAsync(track.Id, ct).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxStepsPerAdvance; attempt++)
        {
            var recent = await _cycles.RecentAsync(track, _time, ct).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            if (StepPlanner.NextToRun(track, recent, now) is not { } step)
            {
                return new Problem("rhythm.nothing_next", $"Nothing is planned next for {track.Name}.");
            }

            var ran = await _handlers[step.Step].RunAsync(new StepRequest(track, recent, step, now, ByManager: true), ct).ConfigureAwait(false);
            if (!ran.IsSuccess)
            {
                return ran.Problem!;
            }

            if (ran.Value == StepRun.Performed)
            {
                var after = await _cycles.RecentAsync(track, _time, ct).ConfigureAwait(false);
                return new AdvancedStep(step, StepPlanner.NextToRun(track, after, _time.GetUtcNow()));
            }
        }

        throw new InvalidOperationException($"Track {track.Id}: more than {MaxStepsPerAdvance} steps were found performed already without being recorded.");
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the track's recent cycles, holding the track's step turn: a manager's own
    /// step (/club open-voting, close-voting) never runs beside a scheduled one.
    /// </summary>
    public async Task<T> InTurnAsync<T>(Track track, Func<IReadOnlyList<Cycle>, Task<T>> action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(action);
        using var turn = await _locks.StepTurnAsync(track.Id, ct).ConfigureAwait(false);
        return await action(await _cycles.RecentAsync(track, _time, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>The track's next steps as planned now, at most <paramref name="count"/> (none while it is paused).</summary>
    public async Task<IReadOnlyList<PlannedStep>> PreviewAsync(Track track, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.Schedule.Paused)
        {
            return [];
        }

        var recent = await _cycles.RecentAsync(track, _time, ct).ConfigureAwait(false);
        return StepPlanner.Preview(track, recent, _time.GetUtcNow(), count);
    }

    public void Dispose() => _turns.Dispose();

    private async Task<AdvanceReport> AdvanceInTurnAsync(ulong guildId, TrackId trackId, CancellationToken ct)
    {
        var refused = new List<RefusedStep>();
        for (var pass = 0; pass < MaxTransitionsPerCall; pass++)
        {
            if ((await _clubs.GetAsync(guildId, ct).ConfigureAwait(false))?.FindTrack(trackId) is not { } track)
            {
                return new AdvanceReport(null, refused);
            }

            var recent = await _cycles.RecentAsync(track, _time, ct).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var replan = false;
            foreach (var step in StepPlanner.Due(track, recent, now))
            {
                var ran = await _handlers[step.Step].RunAsync(new StepRequest(track, recent, step, now, ByManager: false), ct).ConfigureAwait(false);
                if (!ran.IsSuccess)
                {
                    refused.Add(new RefusedStep(step.Step, ran.Problem!.Message));
                }
                else if (MovesTheCycle(step.Step))
                {
                    replan = true;
                    break; // the cycle changed: plan again from the store
                }
            }

            if (!replan)
            {
                return new AdvanceReport(StepPlanner.NextAfter(track, recent, now), refused);
            }
        }

        return new AdvanceReport(new PlannedStep(StepKind.OpenVoting, _time.GetUtcNow().AddMinutes(1), "retry", default), refused) { GaveUp = true };
    }

    /// <summary>Whether a step moves the cycle on (or re-plans it), so what is due must be worked out again.</summary>
    private static bool MovesTheCycle(StepKind step) => step is StepKind.OpenVoting or StepKind.CloseVoting or StepKind.StartNextCycle;
}
