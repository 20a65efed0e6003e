using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Interactions;

/// <summary>
/// A command that shows a track's list a page at a time: the command shows the first page, the ◀ / ▶ buttons
/// (custom ids starting with <see cref="List"/>) replace the message with another page.
/// </summary>
public abstract class PagedListHandler(MemberCommandServices services) : MemberCommandHandler(services)
{
    /// <summary>The command's name, also the custom-id prefix of its page buttons.</summary>
    protected abstract string List { get; }

    protected abstract Task<InteractionReply> RenderAsync(Track track, int page, CancellationToken ct);

    /// <summary>The command's own answer instead of the first page (e.g. one entry in detail, asked for by an option); null for the first page.</summary>
    protected virtual Task<InteractionReply?> AnswerAsync(InteractionContext context, Track track, CancellationToken ct) => Task.FromResult<InteractionReply?>(null);

    protected sealed override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (context.Type != InteractionType.MessageComponent)
        {
            if (await TrackOrReplyAsync(context, guildId, null, ct).ConfigureAwait(false) is { } track)
            {
                var reply = await AnswerAsync(context, track, ct).ConfigureAwait(false) ?? await RenderAsync(track, 0, ct).ConfigureAwait(false);
                await context.ReplyAsync(reply, ct).ConfigureAwait(false);
            }

            return;
        }

        var club = await Clubs.GetAsync(guildId, ct).ConfigureAwait(false);
        if (!Pages.TryParse(context.CustomId, List, out var trackId, out var page) || club?.FindTrack(trackId) is not { } shown)
        {
            await ReplyProblemAsync(context, new Problem("pages.stale", $"This list is out of date; use /{List} for a fresh one."), ct).ConfigureAwait(false);
            return;
        }

        await context.UpdateAsync(await RenderAsync(shown, page, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }
}
