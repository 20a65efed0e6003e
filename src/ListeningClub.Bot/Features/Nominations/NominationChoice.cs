using System.Globalization;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Catalogue;
using ListeningClub.Catalogue.Model;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>
/// When a typed title matches several catalogue entries (or none), the member chooses privately: a select of the best
/// matches with "as typed" last, or a button to nominate it as typed. The choice nominates; the card follows for everyone.
/// </summary>
public sealed class NominationChoice(MemberCommandServices services, NominationDrafts drafts, Nominator nominator, ICatalogue catalogue)
    : MemberCommandHandler(services), IRoutedInteractionHandler
{
    public const string Prefix = "nominate";
    private const string AsTyped = "typed";

    public static InteractionRoutes Routes { get; } = InteractionRoutes.ForComponents(Prefix) with { DeferEphemeral = true };

    /// <summary>The private question: which of <paramref name="draft"/>'s candidates (or the title as typed).</summary>
    public static InteractionReply Ask(NominationDraft draft, string key)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var typed = Markdown.Text(draft.Typed.DisplayName);
        if (draft.Candidates.Count == 0)
        {
            return new InteractionReply
            {
                Content = $"I found nothing called **{typed}** in the catalogue. Check the spelling and nominate again, or nominate it as typed.",
                Components = [Component.ActionRow(Component.Button(ButtonStyle.Primary, $"{Prefix}:{AsTyped}:{key}", "Nominate as typed"))],
                Ephemeral = true,
                AllowedMentions = AllowedMentions.None,
            };
        }

        var options = draft.Candidates.Select((item, i) => new SelectOption
        {
            Label = DiscordText.Truncate(item.Year is { } year ? string.Create(CultureInfo.InvariantCulture, $"{item.Title} ({year})") : item.Title, 100),
            Description = item.Credit is { } credit ? DiscordText.Truncate(credit, 100) : null,
            Value = i.ToString(CultureInfo.InvariantCulture),
        }).Append(new SelectOption { Label = DiscordText.Truncate($"\"{draft.Typed.DisplayName}\" as typed", 100), Value = AsTyped });
        return new InteractionReply
        {
            Content = $"Which **{typed}** do you mean?",
            Components = [Component.ActionRow(Component.StringSelect($"{Prefix}:pick:{key}", [.. options], placeholder: "Choose the one you mean"))],
            Ephemeral = true,
            AllowedMentions = AllowedMentions.None,
        };
    }

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        var parts = (context.CustomId ?? "").Split(':');
        if (parts.Length != 3 || drafts.Find(parts[2], memberId) is not { } draft)
        {
            await ReplyProblemAsync(context, new Problem("nominate.expired", "This choice has expired; use /nominate again."), ct).ConfigureAwait(false);
            return;
        }

        if ((await Clubs.GetAsync(guildId, ct).ConfigureAwait(false))?.FindTrack(draft.TrackId) is not { } track)
        {
            await ReplyProblemAsync(context, new Problem("nominate.no_track", "That track no longer exists."), ct).ConfigureAwait(false);
            return;
        }

        var choice = parts[1] == AsTyped ? AsTyped : context.Values.Count > 0 ? context.Values[0] : null;
        Result<MediaItem> media;
        CatalogueItem? chosen = null;
        if (choice is null or AsTyped)
        {
            media = draft.Typed;
        }
        else if (int.TryParse(choice, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < draft.Candidates.Count)
        {
            chosen = (await CatalogueMatch.DetailedAsync(catalogue, draft.Candidates[index], ct).ConfigureAwait(false)).Item!;
            media = CatalogueMatch.ToMedia(chosen, draft.Link, (draft.Typed as Album)?.Artist);
        }
        else
        {
            await ReplyProblemAsync(context, new Problem("nominate.expired", "This choice has expired; use /nominate again."), ct).ConfigureAwait(false);
            return;
        }

        var problem = media.IsSuccess
            ? await nominator.NominateAsync(context, track, memberId, media.Value, draft.Pitch, null, ct).ConfigureAwait(false)
            : media.Problem;
        if (problem is not null)
        {
            await ReplyProblemAsync(context, problem, ct).ConfigureAwait(false);
            return;
        }

        drafts.Complete(parts[2]);
        if (chosen is not null)
        {
            await catalogue.RememberAsync(chosen, ct).ConfigureAwait(false);
        }
    }
}
