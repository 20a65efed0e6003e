using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Bot.Features.Ratings;

/// <summary>/rate score [review] [track]: rate the latest pick, sealed until the reveal; rating again replaces it.</summary>
public sealed class RateCommand(ClubHandlerServices services, RatingService ratings) : ClubHandler(services), IInteractionHandler
{
    public static InteractionRoutes Routes { get; } = InteractionRoutes.ForCommand(new ApplicationCommand
    {
        Name = "rate",
        Description = "Rate the latest pick from 1 to 10 (hidden until the ratings are revealed)",
        Contexts = [0],
        Options =
        [
            Options.WholeNumber("score", "1 (not for me) to 10 (loved it)", required: true, min: Rating.MinScore, max: Rating.MaxScore),
            Options.Text("review", "A few words (optional)", maxLength: Rating.MaxReviewLength),
            Options.Track(),
        ],
    }, deferEphemeral: true);

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (await TrackOrReplyAsync(context, guildId, null, ct).ConfigureAwait(false) is not { } track)
        {
            return;
        }

        var score = (int)Math.Clamp(context.GetInteger("score") ?? 0, int.MinValue, int.MaxValue);
        var rating = await ratings.RateAsync(track, memberId, score, context.GetString("review"), ct).ConfigureAwait(false);
        if (!rating.IsSuccess)
        {
            await ReplyProblemAsync(context, rating.Problem!, ct).ConfigureAwait(false);
            return;
        }

        await context.ReplyAsync(InteractionReply.Text(
            $"Your rating ({rating.Value.Score}/10) is sealed until the reveal in **{Markdown.Text(track.Name)}**. Rate again to change it.", ephemeral: true), ct).ConfigureAwait(false);
    }
}
