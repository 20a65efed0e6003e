using ListeningClub.Application.Cycles;
using ListeningClub.Application.Locks;
using ListeningClub.Application.Ratings;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Features.Events;
using ListeningClub.Bot.Features.Polls;
using ListeningClub.Bot.Features.Reminders;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Voting;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Ratings;
using ListeningClub.Domain.Scheduling;
using ListeningClub.Storage.Engine;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Features.Rhythm;

/// <summary>What /club advance did: the step it performed, and the step that comes after it (null when none is planned).</summary>
public sealed record AdvancedStep(PlannedStep Done, PlannedStep? Next);

/// <summary>
/// "Advance this track if anything is due": runs every due step of a track exactly once, in order, from the store's
/// state. Safe to call at any time and as often as you like; the scheduler calls it when a step comes due and once
/// for every track at start-up (the catch-up pass). A manager's /club advance runs the next step early, once. Whoever
/// runs a step takes the track's rhythm turn first, so two never choose the same step.
/// </summary>
public sealed partial class TrackRhythm(
    IClubRepository clubs,
    ICycleRepository cycles,
    INominationRepository nominations,
    IPickRepository picks,
    VotingService voting,
    CycleService cycleService,
    RatingService ratings,
    TrackLocks locks,
    TrackPosts posts,
    PostingSteps steps,
    PartyEvents partyEvents,
    PollCount polls,
    IStorageMaintenance storage,
    TimeProvider time,
    ILogger<TrackRhythm> logger) : IDisposable
{
    /// <summary>
    /// Tracks advanced at once. Jobs fire on time however many come due together; their work then takes turns, so a
    /// burst of a thousand closes neither starves the thread pool with blocking store reads nor exceeds LiteDB's limit
    /// of open transactions. The posts they make queue in the REST client's rate limiter either way.
    /// </summary>
    public const int MaxConcurrentAdvances = 16;

    private readonly SemaphoreSlim _turns = new(MaxConcurrentAdvances, MaxConcurrentAdvances);

    /// <summary>A close later than this after its time says so in the announcement.</summary>
    public static readonly TimeSpan LateThreshold = TimeSpan.FromMinutes(5);

    private const int MaxTransitionsPerCall = 16;

    /// <summary>More than every step two cycles can hold: /club advance skips at most this many steps found done already.</summary>
    private const int MaxStepsPerAdvance = 32;

    /// <summary>Runs what is due and returns the track's next step (null when nothing is planned).</summary>
    public async Task<PlannedStep?> AdvanceAsync(ulong guildId, TrackId trackId, CancellationToken cancellationToken)
    {
        await _turns.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var turn = await locks.RhythmAsync(trackId, cancellationToken).ConfigureAwait(false);
            return await AdvanceInTurnAsync(guildId, trackId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turns.Release();
        }
    }

    public void Dispose() => _turns.Dispose();

    private async Task<PlannedStep?> AdvanceInTurnAsync(ulong guildId, TrackId trackId, CancellationToken cancellationToken)
    {
        for (var pass = 0; pass < MaxTransitionsPerCall; pass++)
        {
            var track = (await clubs.GetAsync(guildId, cancellationToken).ConfigureAwait(false))?.FindTrack(trackId);
            if (track is null)
            {
                return null;
            }

            track = await posts.WithChannelKindAsync(track, cancellationToken).ConfigureAwait(false);

            var recent = await cycles.RecentAsync(track, time, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var replan = false;
            foreach (var step in RhythmPlanner.Due(track, recent, now))
            {
                using var scope = logger.BeginScope(new Dictionary<string, object> { ["GuildId"] = guildId, ["TrackId"] = trackId, ["Step"] = step.Key });
                var ran = await RunAsync(track, recent, step, now, byManager: false, cancellationToken).ConfigureAwait(false);
                if (!ran.IsSuccess)
                {
                    LogStepRefused(logger, step.Step, ran.Problem!.Message);
                }
                else if (MovesTheCycle(step.Step))
                {
                    replan = true;
                    break; // the cycle changed: plan again from the store
                }
            }

            if (!replan)
            {
                return RhythmPlanner.NextAfter(track, recent, now);
            }
        }

        LogTooManyTransitions(logger, trackId);
        return new PlannedStep(RhythmStep.OpenVoting, time.GetUtcNow().AddMinutes(1), "retry", default);
    }

    /// <summary>A manager opens voting now (/club open-voting): same post as the scheduled step.</summary>
    public async Task<Result<Cycle>> OpenVotingNowAsync(Track track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var turn = await locks.RhythmAsync(track.Id, ct).ConfigureAwait(false);
        var opened = await voting.OpenVotingAsync(track, ct).ConfigureAwait(false);
        if (opened.IsSuccess)
        {
            await PostVotingOpenedAsync(await posts.WithChannelKindAsync(track, ct).ConfigureAwait(false), opened.Value, ct).ConfigureAwait(false);
        }

        return opened;
    }

    /// <summary>A manager closes voting now (/club close-voting): same posts as the scheduled step.</summary>
    public async Task<Result<ElectionOutcome>> CloseVotingNowAsync(Track track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var turn = await locks.RhythmAsync(track.Id, ct).ConfigureAwait(false);
        var recent = await cycles.RecentAsync(track, time, ct).ConfigureAwait(false);
        return await CloseAndPublishAsync(await posts.WithChannelKindAsync(track, ct).ConfigureAwait(false), recent, TimeSpan.Zero, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A manager runs the track's next step now (/club advance): the first step due, else the first one still ahead,
    /// with the posts it makes on schedule. The cycle records it done, so when its planned time comes nothing runs
    /// again and the trigger moves on to the step after it. A step found performed already (its post was decided
    /// before) is recorded, and the one after it runs instead: every call performs one new step.
    /// </summary>
    public async Task<Result<AdvancedStep>> RunNextStepNowAsync(Track track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.Schedule.Paused)
        {
            return new Problem("rhythm.paused", $"{track.Name} is paused. Resume it with /club resume first, or use /club open-voting or /club close-voting.");
        }

        using var turn = await locks.RhythmAsync(track.Id, ct).ConfigureAwait(false);
        track = await posts.WithChannelKindAsync(track, ct).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxStepsPerAdvance; attempt++)
        {
            var recent = await cycles.RecentAsync(track, time, ct).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (RhythmPlanner.NextToRun(track, recent, now) is not { } step)
            {
                return new Problem("rhythm.nothing_next", $"Nothing is planned next for {track.Name}.");
            }

            var ran = await RunAsync(track, recent, step, now, byManager: true, ct).ConfigureAwait(false);
            if (!ran.IsSuccess)
            {
                return ran.Problem!;
            }

            if (ran.Value == StepRun.Performed)
            {
                var after = await cycles.RecentAsync(track, time, ct).ConfigureAwait(false);
                return new AdvancedStep(step, RhythmPlanner.NextToRun(track, after, time.GetUtcNow()));
            }
        }

        throw new InvalidOperationException($"Track {track.Id}: more than {MaxStepsPerAdvance} steps were found performed already without being recorded.");
    }

    /// <summary>Whether a step moves the cycle on (or re-plans it), so what is due must be worked out again.</summary>
    private static bool MovesTheCycle(RhythmStep step) => step is RhythmStep.OpenVoting or RhythmStep.CloseVoting or RhythmStep.StartNextCycle;

    /// <summary>Runs one step. A manager's call is refused where the schedule would re-plan (voting with nothing nominated).</summary>
    private Task<Result<StepRun>> RunAsync(Track track, IReadOnlyList<Cycle> recent, PlannedStep step, DateTimeOffset now, bool byManager, CancellationToken ct)
    {
        var cycle = recent.Single(c => c.Id == step.CycleId);
        return step.Step switch
        {
            RhythmStep.OpenNominations => steps.OpenNominationsAsync(track, cycle, ct),
            RhythmStep.OpenVoting => OpenVotingAsync(track, cycle, now, byManager, ct),
            RhythmStep.RemindVoting => steps.RemindVotingAsync(track, cycle, step, ct),
            RhythmStep.CloseVoting => CloseVotingAsync(track, recent, now - step.At, ct),
            RhythmStep.OpenDiscussion => steps.OpenDiscussionAsync(track, cycle, ct),
            RhythmStep.PostPrompt => steps.PostPromptAsync(track, cycle, step, ct),
            RhythmStep.RemindParty => steps.RemindPartyAsync(track, cycle, step, ct),
            RhythmStep.StartNextCycle => StartNextCycleAsync(track, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step.Step, "Unknown rhythm step."),
        };
    }

    private async Task<Result<StepRun>> OpenVotingAsync(Track track, Cycle cycle, DateTimeOffset now, bool byManager, CancellationToken ct)
    {
        var opened = await voting.OpenVotingAsync(track, ct).ConfigureAwait(false);
        if (!opened.IsSuccess)
        {
            if (byManager || opened.Problem!.Code != "cycle.no_nominations")
            {
                return opened.Problem!;
            }

            // Nothing to vote on: keep nominating and try again at the next planned time.
            var replanned = cycle.Replan(track, now);
            await cycles.SaveAsync(replanned, ct).ConfigureAwait(false);
            var nominationsPost = await posts.ForumPostOfAsync(track, "nominations-open", cycle.Id.ToString(), ct).ConfigureAwait(false);
            await posts.PostAsync(track, "no-nominations", $"{cycle.Id}:{cycle.VotingOpensAt?.ToUnixTimeSeconds()}", RhythmMessages.NoNominations(track, replanned), $"{track.Name}: no vote yet", nominationsPost, ct).ConfigureAwait(false);
            return StepRun.Performed;
        }

        // If the close is overdue too (the bot was down through the whole vote), open silently: the result says it all.
        if (opened.Value.VotingClosesAt is not { } closes || closes > now)
        {
            await PostVotingOpenedAsync(track, opened.Value, ct).ConfigureAwait(false);
        }

        return StepRun.Performed;
    }

    private async Task PostVotingOpenedAsync(Track track, Cycle opened, CancellationToken ct)
    {
        var candidates = (await nominations.ListByCycleAsync(opened.Id, ct).ConfigureAwait(false)).Where(n => n.IsActive).ToList();
        var message = VotingAnnouncement.Render(track, opened, candidates);
        if (track.ReminderRoleId is not null)
        {
            message = message with { Components = [.. message.Components ?? [], Component.ActionRow(Component.Button(ButtonStyle.Secondary, ReminderIds.Toggle(track.Id), "Remind me", emoji: new Emoji { Name = "🔔" }))] };
        }

        await posts.PostAsync(track, "voting-opened", opened.Id.ToString(), message, $"🗳️ {track.Name}: vote (cycle {opened.Number})", null, ct).ConfigureAwait(false);
    }

    private async Task<Result<StepRun>> CloseVotingAsync(Track track, IReadOnlyList<Cycle> recent, TimeSpan late, CancellationToken ct) =>
        (await CloseAndPublishAsync(track, recent, late, ct).ConfigureAwait(false)).Map(_ => StepRun.Performed);

    /// <summary>
    /// Closes the vote and publishes it: the announcement, the pick's discussion (thread and starter), the party
    /// event, then the previous pick's sealed ratings, which are revealed when the next pick is announced.
    /// </summary>
    private async Task<Result<ElectionOutcome>> CloseAndPublishAsync(Track track, IReadOnlyList<Cycle> recent, TimeSpan late, CancellationToken ct)
    {
        await polls.BeforeCloseAsync(track, ct).ConfigureAwait(false);
        var closed = await voting.CloseAndAnnounceAsync(track, ct).ConfigureAwait(false);
        if (!closed.IsSuccess)
        {
            return closed;
        }

        await AnnounceAsync(track, closed.Value, late, ct).ConfigureAwait(false);
        var discussion = await steps.OpenDiscussionAsync(track, closed.Value.Cycle, ct).ConfigureAwait(false);
        if (!discussion.IsSuccess)
        {
            LogStepRefused(logger, RhythmStep.OpenDiscussion, discussion.Problem!.Message); // planned still: the next run opens it
        }

        var pick = await picks.GetByCycleAsync(closed.Value.Cycle.Id, ct).ConfigureAwait(false) ?? closed.Value.Pick;
        await partyEvents.SyncAsync(track, closed.Value.Cycle, pick, ct).ConfigureAwait(false);
        if (recent.FirstOrDefault(c => c.Number == closed.Value.Cycle.Number - 1) is { RatingsOpen: true } previous)
        {
            await RevealAsync(track, previous, ct).ConfigureAwait(false);
        }

        return closed;
    }

    /// <summary>Posts the result (once).</summary>
    private async Task AnnounceAsync(Track track, ElectionOutcome outcome, TimeSpan late, CancellationToken ct)
    {
        var result = ResultAnnouncement.Render(track, outcome);
        var message = result.Announcement;
        if (late > LateThreshold)
        {
            message = message with { Content = message.Content + "\n" + RhythmMessages.LateAnnouncementNote(track, late).Content };
        }

        await storage.CheckpointAsync(ct).ConfigureAwait(false); // a critical transition: fold it into the main file
        var postName = $"{Markdown.Emoji(track.Kind)} {outcome.Pick.Media.DisplayName} — {track.Name}";
        var posted = await posts.PostAsync(track, "pick-announced", outcome.Cycle.Id.ToString(), message, postName, null, ct).ConfigureAwait(false);

        // The full count, when the announcement cannot hold it: below the announcement (in a forum, inside its post).
        var announcementPost = posted.ForumPostName is not null ? posted.MessageId : null;
        for (var part = 0; part < result.FullCount.Count; part++)
        {
            await posts.PostAsync(track, ResultAnnouncement.FullCountKind, $"{outcome.Cycle.Id}:{part + 1}", result.FullCount[part], $"📊 {outcome.Pick.Media.DisplayName}: the full count", announcementPost, ct).ConfigureAwait(false);
        }
    }

    private async Task RevealAsync(Track track, Cycle previous, CancellationToken ct)
    {
        var reveal = await ratings.RevealAsync(track, previous.Id, ct).ConfigureAwait(false);
        var pick = await picks.GetByCycleAsync(previous.Id, ct).ConfigureAwait(false);
        if (reveal.IsSuccess && pick is not null)
        {
            await posts.PostAsync(track, "ratings-revealed", previous.Id.ToString(), RhythmMessages.RatingsRevealed(track, pick, reveal.Value), $"⭐ Ratings: {pick.Media.DisplayName}", pick.ThreadId, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the announced cycle, starts the next one and says that its nominations are open.</summary>
    private async Task<Result<StepRun>> StartNextCycleAsync(Track track, CancellationToken ct)
    {
        var next = await cycleService.StartNextAsync(track, ct).ConfigureAwait(false);
        if (!next.IsSuccess)
        {
            return next.Problem!;
        }

        await storage.CheckpointAsync(ct).ConfigureAwait(false);
        var opened = await steps.OpenNominationsAsync(track, next.Value, ct).ConfigureAwait(false);
        if (!opened.IsSuccess)
        {
            LogStepRefused(logger, RhythmStep.OpenNominations, opened.Problem!.Message); // planned still: the next run posts it
        }

        return StepRun.Performed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rhythm step {Step} did not run: {Reason}")]
    private static partial void LogStepRefused(ILogger logger, RhythmStep step, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Track {TrackId} changed phase too many times in one pass; trying again in a minute")]
    private static partial void LogTooManyTransitions(ILogger logger, TrackId trackId);
}
