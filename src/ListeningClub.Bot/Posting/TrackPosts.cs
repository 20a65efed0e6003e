using ListeningClub.Application.Tracks;
using ListeningClub.Application.Steps;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Posting;

/// <summary>
/// Where the track's posts go. In a text channel: messages, and the pick's discussion thread started from the
/// announcement. In a forum: the nominations, the vote and the announcement are each a forum post, the announcement's
/// post is the pick's discussion (prompts and the ratings go there), and reminders go into the vote's post.
/// </summary>
public sealed partial class TrackPosts(OutboxSender sender, IOutboxRepository outbox, IChannelsApi channels, IThreadsApi threads, TrackService tracks, ILogger<TrackPosts> logger)
{
    private const int ThreadAlreadyCreatedForMessage = 160004;

    /// <summary>The track with its channel's kind known: looked up once and remembered on the track.</summary>
    public async Task<Track> WithChannelKindAsync(Track track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.ChannelKind is not null)
        {
            return track;
        }

        try
        {
            var channel = await channels.GetChannelAsync(track.ChannelId, ct).ConfigureAwait(false);
            var kind = channel.Type is ChannelType.GuildForum or ChannelType.GuildMedia ? TrackChannelKind.Forum : TrackChannelKind.Text;
            var saved = await tracks.SetChannelKindAsync(track, kind, ct).ConfigureAwait(false);
            return saved.IsSuccess ? saved.Value : track with { ChannelKind = kind };
        }
        catch (DiscordRestException ex)
        {
            LogChannelUnknown(logger, ex, track.Id);
            return track; // posts go to the channel as messages; the next step tries again
        }
    }

    /// <summary>
    /// Posts once per (kind, key): into the text channel; for a forum track into <paramref name="thread"/> when there is
    /// one, else as a new forum post titled <paramref name="postName"/>.
    /// </summary>
    public Task<OutboxMessage> PostAsync(Track track, string kind, string intentKey, MessageCreateRequest message, string postName, ulong? thread, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        return track.ChannelKind != TrackChannelKind.Forum
            ? sender.PostAsync(track.Id, track.GuildId, thread ?? track.ChannelId, kind, intentKey, message, ct)
            : thread is { } id
                ? sender.PostAsync(track.Id, track.GuildId, id, kind, intentKey, message, ct)
                : sender.PostToForumAsync(track.Id, track.GuildId, track.ChannelId, postName, kind, intentKey, message, ct);
    }

    /// <summary>
    /// As <see cref="PostAsync"/>, saying whether this call decided the post (<see cref="StepRun.Performed"/>) or
    /// found it decided before, sent or still queued (<see cref="StepRun.AlreadyPerformed"/>).
    /// </summary>
    public async Task<StepRun> PostOnceAsync(Track track, string kind, string intentKey, MessageCreateRequest message, string postName, ulong? thread, CancellationToken ct)
    {
        var decidedBefore = await outbox.FindAsync(kind, intentKey, ct).ConfigureAwait(false) is not null;
        await PostAsync(track, kind, intentKey, message, postName, thread, ct).ConfigureAwait(false);
        return decidedBefore ? StepRun.AlreadyPerformed : StepRun.Performed;
    }

    /// <summary>
    /// A step's post: posts once (as <see cref="PostOnceAsync"/>), then records <paramref name="stepKey"/> done on the
    /// step's cycle, so the step never runs again. A crash between the two runs the step again, which finds its post
    /// decided and only records it.
    /// </summary>
    public async Task<Result<StepRun>> PostForStepAsync(StepRequest request, string stepKey, string kind, string intentKey, MessageCreateRequest message, string postName, ulong? thread, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = await PostOnceAsync(request.Track, kind, intentKey, message, postName, thread, ct).ConfigureAwait(false);
        return await RecordDoneAsync(request, stepKey, run, ct).ConfigureAwait(false);
    }

    /// <summary>Records <paramref name="stepKey"/> done on the step's cycle and passes <paramref name="run"/> on.</summary>
    public async Task<Result<StepRun>> RecordDoneAsync(StepRequest request, string stepKey, StepRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await tracks.MarkDoneAsync(request.Track, request.Cycle.Id, stepKey, ct).ConfigureAwait(false);
        return run;
    }

    /// <summary>The forum post an earlier post became (its id is the thread's), when the track is a forum track.</summary>
    public async Task<ulong?> ForumPostOfAsync(Track track, string kind, string intentKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        return track.ChannelKind == TrackChannelKind.Forum && await outbox.FindAsync(kind, intentKey, ct).ConfigureAwait(false) is { ForumPostName: not null } post
            ? post.MessageId
            : null;
    }

    /// <summary>The pick's discussion: the announcement's forum post, or a thread started from the announcement message.</summary>
    public async Task<ulong?> DiscussionAsync(Track track, Pick pick, OutboxMessage announcement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(pick);
        ArgumentNullException.ThrowIfNull(announcement);
        if (announcement.MessageId is not { } messageId)
        {
            return null;
        }

        if (announcement.ForumPostName is not null)
        {
            return messageId;
        }

        try
        {
            var name = DiscordText.Truncate($"{pick.Media.DisplayName} — discussion", DiscordLimits.ThreadName);
            var thread = await threads.StartFromMessageAsync(announcement.ChannelId, messageId, new StartThreadFromMessageRequest { Name = name, AutoArchiveDuration = 10080 }, ct).ConfigureAwait(false);
            return thread.Id;
        }
        catch (DiscordRestException ex) when (ex.Code == ThreadAlreadyCreatedForMessage)
        {
            return messageId; // a thread started from a message has the message's id
        }
        catch (DiscordRestException ex)
        {
            LogThreadFailed(logger, ex, track.Id);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open the discussion thread for track {TrackId}")]
    private static partial void LogThreadFailed(ILogger logger, Exception exception, TrackId trackId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the channel of track {TrackId}; posting to it as a text channel for now")]
    private static partial void LogChannelUnknown(ILogger logger, Exception exception, TrackId trackId);
}
