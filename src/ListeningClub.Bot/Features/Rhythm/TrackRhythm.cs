using ListeningClub.Bot.Features.Events;
using ListeningClub.Bot.Features.Polls;
using ListeningClub.Bot.Features.Reminders;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Voting;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;
using ListeningClub.Domain.Scheduling;
using ListeningClub.Storage.Engine;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Features.Rhythm;

/// <summary>
/// "Advance this track if anything is due": runs every due step of a track exactly once, in order, from the store's
/// state. Safe to call at any time and as often as you like; the scheduler calls it when a step comes due and once
/// for every track at start-up (the catch-up pass).
/// </summary>
public sealed partial class TrackRhythm(
    IClubRepository clubs,
    ICycleRepository cycles,
    INominationRepository nominations,
    IPickRepository picks,
    IOutboxRepository outbox,
    VotingService voting,
    CycleService cycleService,
    RatingService ratings,
    PromptService prompts,
    TrackPosts posts,
    PartyEvents partyEvents,
    ReminderSender reminders,
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

    /// <summary>Runs what is due and returns the track's next step (null when nothing is planned).</summary>
    public async Task<PlannedStep?> AdvanceAsync(ulong guildId, TrackId trackId, CancellationToken cancellationToken)
    {
        await _turns.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
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
            var transitioned = false;
            foreach (var step in RhythmPlanner.Due(track, recent, now))
            {
                var cycle = recent.Single(c => c.Id == step.CycleId);
                using var scope = logger.BeginScope(new Dictionary<string, object> { ["GuildId"] = guildId, ["TrackId"] = trackId, ["Step"] = step.Key });
                transitioned = await RunAsync(track, cycle, recent, step, now, cancellationToken).ConfigureAwait(false);
                if (transitioned)
                {
                    break; // the cycle changed: plan again from the store
                }
            }

            if (!transitioned)
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
        var recent = await cycles.RecentAsync(track, time, ct).ConfigureAwait(false);
        return await CloseAndPublishAsync(await posts.WithChannelKindAsync(track, ct).ConfigureAwait(false), recent, TimeSpan.Zero, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A manager runs the track's next planned step now (/club advance): the same step the schedule would run, with
    /// the same posts. Reminders and prompts keep their intent keys, so the scheduled one later does not post again.
    /// </summary>
    public async Task<Result<PlannedStep>> RunNextStepNowAsync(Track track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.Schedule.Paused)
        {
            return new Problem("rhythm.paused", $"{track.Name} is paused. Resume it with /club resume first, or use /club open-voting or /club close-voting.");
        }

        track = await posts.WithChannelKindAsync(track, ct).ConfigureAwait(false);
        var recent = await cycles.RecentAsync(track, time, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (RhythmPlanner.Plan(track, recent) is not [var next, ..])
        {
            return new Problem("rhythm.nothing_next", $"Nothing is planned next for {track.Name}.");
        }

        var cycle = recent.Single(c => c.Id == next.CycleId);
        var problem = next.Step switch
        {
            RhythmStep.OpenVoting => (await OpenVotingNowAsync(track, ct).ConfigureAwait(false)).Problem,
            RhythmStep.CloseVoting => (await CloseVotingNowAsync(track, ct).ConfigureAwait(false)).Problem,
            RhythmStep.StartNextCycle => (await StartNextCycleNowAsync(track, ct).ConfigureAwait(false)).Problem,
            _ => await RunWithoutProblemAsync(track, cycle, recent, next, now, ct).ConfigureAwait(false),
        };
        return problem is null ? next : problem;
    }

    /// <summary>Runs one step; true when it moved the cycle on (so the plan must be made again).</summary>
    private Task<bool> RunAsync(Track track, Cycle cycle, IReadOnlyList<Cycle> recent, PlannedStep step, DateTimeOffset now, CancellationToken ct) => step.Step switch
    {
        RhythmStep.OpenVoting => OpenVotingAsync(track, cycle, now, ct),
        RhythmStep.RemindVoting => RemindAsync(track, cycle, step, ct),
        RhythmStep.CloseVoting => CloseVotingAsync(track, recent, step, now, ct),
        RhythmStep.PostPrompt => PostPromptAsync(track, cycle, step, ct),
        RhythmStep.StartNextCycle => StartNextCycleAsync(track, ct),
        RhythmStep.RemindParty => RemindPartyAsync(track, cycle, step, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.Step, "Unknown rhythm step."),
    };

    private async Task<bool> OpenVotingAsync(Track track, Cycle cycle, DateTimeOffset now, CancellationToken ct)
    {
        var opened = await voting.OpenVotingAsync(track, ct).ConfigureAwait(false);
        if (!opened.IsSuccess)
        {
            if (opened.Problem!.Code != "cycle.no_nominations")
            {
                LogStepRefused(logger, "open voting", opened.Problem.Message);
                return false;
            }

            // Nothing to vote on: keep nominating and try again at the next planned time.
            var replanned = cycle.Replan(track, now);
            await cycles.SaveAsync(replanned, ct).ConfigureAwait(false);
            var nominationsPost = await posts.ForumPostOfAsync(track, "nominations-open", cycle.Id.ToString(), ct).ConfigureAwait(false);
            await posts.PostAsync(track, "no-nominations", $"{cycle.Id}:{cycle.VotingOpensAt?.ToUnixTimeSeconds()}", RhythmMessages.NoNominations(track, replanned), $"{track.Name}: no vote yet", nominationsPost, ct).ConfigureAwait(false);
            return true;
        }

        // If the close is overdue too (the bot was down through the whole vote), open silently: the result says it all.
        if (opened.Value.VotingClosesAt is not { } closes || closes > now)
        {
            await PostVotingOpenedAsync(track, opened.Value, ct).ConfigureAwait(false);
        }

        return true;
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

    private async Task<bool> RemindAsync(Track track, Cycle cycle, PlannedStep step, CancellationToken ct)
    {
        var candidates = (await nominations.ListByCycleAsync(cycle.Id, ct).ConfigureAwait(false)).Where(n => n.IsActive).ToList();
        var closes = cycle.VotingClosesAt!.Value;
        var key = $"{cycle.Id}:{step.Key}";
        var votingPost = await posts.ForumPostOfAsync(track, "voting-opened", cycle.Id.ToString(), ct).ConfigureAwait(false);
        await posts.PostAsync(track, "voting-reminder", key, ReminderMessages.Voting(track, closes, candidates), $"⏰ {track.Name}: voting closes soon", votingPost, ct).ConfigureAwait(false);
        await reminders.SendDirectAsync(track, "voting-reminder", key, ReminderMessages.Voting(track, closes, candidates, direct: true), ct).ConfigureAwait(false);
        return false;
    }

    private async Task<bool> RemindPartyAsync(Track track, Cycle cycle, PlannedStep step, CancellationToken ct)
    {
        var pick = await picks.GetByCycleAsync(cycle.Id, ct).ConfigureAwait(false);
        if (pick is null || track.Schedule.PartyAfter(cycle.AnnouncedAt!.Value, track.TimeZone) is not { } party)
        {
            return false;
        }

        var key = $"{cycle.Id}:{step.Key}";
        var thread = track.ChannelKind == TrackChannelKind.Forum ? pick.ThreadId : null; // in a text channel the role ping goes to the channel
        await posts.PostAsync(track, "party-reminder", key, ReminderMessages.Party(track, pick, party, cycle.PartyEventId), $"🍿 {pick.Media.DisplayName}: party soon", thread, ct).ConfigureAwait(false);
        await reminders.SendDirectAsync(track, "party-reminder", key, ReminderMessages.Party(track, pick, party, cycle.PartyEventId, direct: true), ct).ConfigureAwait(false);
        return false;
    }

    private async Task<bool> CloseVotingAsync(Track track, IReadOnlyList<Cycle> recent, PlannedStep step, DateTimeOffset now, CancellationToken ct)
    {
        var closed = await CloseAndPublishAsync(track, recent, now - step.At, ct).ConfigureAwait(false);
        if (!closed.IsSuccess)
        {
            LogStepRefused(logger, "close voting", closed.Problem!.Message);
        }

        return closed.IsSuccess;
    }

    /// <summary>
    /// Closes the vote and publishes it: the announcement and thread, then the previous pick's sealed ratings, which
    /// are revealed when the next pick is announced.
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
        if (recent.FirstOrDefault(c => c.Number == closed.Value.Cycle.Number - 1) is { RatingsOpen: true } previous)
        {
            await RevealAsync(track, previous, ct).ConfigureAwait(false);
        }

        return closed;
    }

    /// <summary>Posts the result (once) and opens the pick's discussion thread from it (once).</summary>
    private async Task AnnounceAsync(Track track, ElectionOutcome outcome, TimeSpan late, CancellationToken ct)
    {
        var message = ResultAnnouncement.Render(track, outcome);
        if (late > LateThreshold)
        {
            message = message with { Content = message.Content + "\n" + RhythmMessages.LateAnnouncementNote(track, late).Content };
        }

        await storage.CheckpointAsync(ct).ConfigureAwait(false); // a critical transition: fold it into the main file
        var postName = $"{Markdown.Emoji(track.Kind)} {outcome.Pick.Media.DisplayName} — {track.Name}";
        var posted = await posts.PostAsync(track, "pick-announced", outcome.Cycle.Id.ToString(), message, postName, null, ct).ConfigureAwait(false);
        var pick = outcome.Pick;
        if (pick.ThreadId is null && await posts.DiscussionAsync(track, pick, posted, ct).ConfigureAwait(false) is { } threadId)
        {
            pick = pick with { ThreadId = threadId };
            await picks.SaveAsync(pick, ct).ConfigureAwait(false);
        }

        await partyEvents.SyncAsync(track, outcome.Cycle, pick, ct).ConfigureAwait(false);
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

    private async Task<bool> PostPromptAsync(Track track, Cycle cycle, PlannedStep step, CancellationToken ct)
    {
        var intentKey = $"{cycle.Id}:{step.Key}";
        if (await outbox.FindAsync("prompt", intentKey, ct).ConfigureAwait(false) is not null)
        {
            return false; // drawn and stored already: the outbox sends it if it has not gone out yet
        }

        var pick = await picks.GetByCycleAsync(cycle.Id, ct).ConfigureAwait(false);
        var prompt = await prompts.DrawAsync(track, ct).ConfigureAwait(false);
        if (pick is null || !prompt.IsSuccess)
        {
            LogStepRefused(logger, "post prompt", prompt.Problem?.Message ?? "no pick");
            return false;
        }

        var number = int.Parse(step.Key["prompt-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await posts.PostAsync(track, "prompt", intentKey, RhythmMessages.Prompt(track, pick, prompt.Value, number), $"💬 {pick.Media.DisplayName}: prompt {number}", pick.ThreadId, ct).ConfigureAwait(false);
        return false;
    }

    private async Task<bool> StartNextCycleAsync(Track track, CancellationToken ct)
    {
        var next = await StartNextCycleNowAsync(track, ct).ConfigureAwait(false);
        if (!next.IsSuccess)
        {
            LogStepRefused(logger, "start next cycle", next.Problem!.Message);
        }

        return next.IsSuccess;
    }

    private async Task<Result<Cycle>> StartNextCycleNowAsync(Track track, CancellationToken ct)
    {
        var next = await cycleService.StartNextAsync(track, ct).ConfigureAwait(false);
        if (next.IsSuccess)
        {
            await storage.CheckpointAsync(ct).ConfigureAwait(false);
            await posts.PostAsync(track, "nominations-open", next.Value.Id.ToString(), RhythmMessages.NominationsOpen(track, next.Value), $"📝 {track.Name}: nominations (cycle {next.Value.Number})", null, ct).ConfigureAwait(false);
        }

        return next;
    }

    private async Task<Problem?> RunWithoutProblemAsync(Track track, Cycle cycle, IReadOnlyList<Cycle> recent, PlannedStep step, DateTimeOffset now, CancellationToken ct)
    {
        await RunAsync(track, cycle, recent, step, now, ct).ConfigureAwait(false);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rhythm step {Step} did not run: {Reason}")]
    private static partial void LogStepRefused(ILogger logger, string step, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Track {TrackId} changed phase too many times in one pass; trying again in a minute")]
    private static partial void LogTooManyTransitions(ILogger logger, TrackId trackId);
}
