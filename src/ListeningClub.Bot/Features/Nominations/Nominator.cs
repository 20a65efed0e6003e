using ListeningClub.Application.Nominations;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>
/// Nominates and shows the card to the channel. When the answer had to wait for the catalogue (a private "thinking",
/// or a choice on a private message), the member is told privately and the card follows for everyone.
/// </summary>
public sealed class Nominator(NominationService nominations)
{
    public const string CardContent = "New nomination!";

    /// <summary>Nominates <paramref name="media"/>; the problem to show the member privately when it was refused (nothing changed).</summary>
    public async Task<Problem?> NominateAsync(InteractionContext context, Track track, ulong memberId, MediaItem media, string? pitch, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(track);
        var nomination = await nominations.NominateAsync(track, memberId, media, pitch, ct).ConfigureAwait(false);
        if (!nomination.IsSuccess)
        {
            return nomination.Problem;
        }

        var card = new InteractionReply { Content = CardContent, Embeds = [NominationCard.Render(track, nomination.Value)], AllowedMentions = AllowedMentions.None };
        if (context.Type != InteractionType.MessageComponent && context.State == InteractionResponseState.None)
        {
            await context.ReplyAsync(card, ct).ConfigureAwait(false);
            if (note is not null)
            {
                await context.FollowUpAsync(InteractionReply.Text(note, ephemeral: true), ct).ConfigureAwait(false);
            }

            return null;
        }

        var done = new InteractionReply
        {
            Content = $"✅ Nominated **{Markdown.Text(nomination.Value.Media.DisplayName)}** for **{Markdown.Text(track.Name)}**." + (note is null ? "" : "\n" + note),
            Components = [],
            Ephemeral = true,
            AllowedMentions = AllowedMentions.None,
        };
        await (context.Type == InteractionType.MessageComponent ? context.UpdateAsync(done, ct) : context.ReplyAsync(done, ct)).ConfigureAwait(false);
        await context.FollowUpAsync(card, ct).ConfigureAwait(false);
        return null;
    }
}
