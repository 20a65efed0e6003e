using System.Globalization;
using ListeningClub.Application.Ratings;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Bot.Features.Ratings;

/// <summary>
/// /rate score [review] [review-box] [track]: rate the latest pick, sealed until the reveal; rating again replaces it.
/// With review-box a form opens for a longer review; the score travels in the form's custom id ("rate:{track}:{score}").
/// </summary>
public sealed class RateCommand(MemberCommandServices services, RatingService ratings) : MemberCommandHandler(services), IMemberCommand
{
    private const string Prefix = "rate";
    private const string ReviewInput = "review";

    public static string Help => "rate the latest pick 1–10 (add `review-box` for a longer review); ratings stay sealed until the reveal";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand(
        "rate",
        "Rate the latest pick from 1 to 10 (hidden until the ratings are revealed)",
        deferEphemeral: true,
        CommandOptions.WholeNumber("score", "1 (not for me) to 10 (loved it)", required: true, min: Rating.MinScore, max: Rating.MaxScore),
        CommandOptions.Text("review", "A few words (optional)", maxLength: Rating.MaxReviewLength),
        CommandOptions.YesNo("review-box", "Open a box to write a longer review"),
        CommandOptions.Track()) with { ModalPrefixes = [Prefix] };

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (context.Type == InteractionType.ModalSubmit)
        {
            await SubmitReviewAsync(context, guildId, memberId, ct).ConfigureAwait(false);
            return;
        }

        if (await TrackOrReplyAsync(context, guildId, null, ct).ConfigureAwait(false) is not { } track)
        {
            return;
        }

        var score = (int)Math.Clamp(context.GetInteger("score") ?? 0, int.MinValue, int.MaxValue);
        if (context.GetBoolean("review-box") == true && score is >= Rating.MinScore and <= Rating.MaxScore)
        {
            var modal = new InteractionModal(
                string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{track.Id}:{score}"),
                $"Your review ({score}/10)",
                [Component.LabeledTextInput("Review", ReviewInput, TextInputStyle.Paragraph, "Sealed until the ratings are revealed", maxLength: Rating.MaxReviewLength, value: context.GetString("review"))]);
            if (!await context.OpenModalAsync(modal, ct).ConfigureAwait(false))
            {
                await ReplyProblemAsync(context, new Problem("rate.late", "The review box could not open in time; run /rate again."), ct).ConfigureAwait(false);
            }

            return;
        }

        await RateAsync(context, track, memberId, score, context.GetString("review"), ct).ConfigureAwait(false);
    }

    private async Task SubmitReviewAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        var parts = context.CustomId?.Split(':') ?? [];
        var club = await Clubs.GetAsync(guildId, ct).ConfigureAwait(false);
        if (parts.Length != 3 || !TrackId.TryParse(parts[1], out var trackId) || club?.FindTrack(trackId) is not { } track
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var score))
        {
            await ReplyProblemAsync(context, new Problem("rate.stale", "That review form is out of date; run /rate again."), ct).ConfigureAwait(false);
            return;
        }

        await RateAsync(context, track, memberId, score, context.GetModalValue(ReviewInput), ct).ConfigureAwait(false);
    }

    private async Task RateAsync(InteractionContext context, Track track, ulong memberId, int score, string? review, CancellationToken ct)
    {
        var rating = await ratings.RateAsync(track, memberId, score, review, ct).ConfigureAwait(false);
        if (!rating.IsSuccess)
        {
            await ReplyProblemAsync(context, rating.Problem!, ct).ConfigureAwait(false);
            return;
        }

        var reviewed = rating.Value.Review is null ? "" : " with your review";
        await context.ReplyAsync(InteractionReply.Text(
            $"Your rating ({rating.Value.Score}/10){reviewed} is sealed until the reveal in **{Markdown.Text(track.Name)}**. Rate again to change it.", ephemeral: true), ct).ConfigureAwait(false);
    }
}
