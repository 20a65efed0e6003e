using System.Globalization;
using ListeningClub.Application.Ratings;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Picks;

namespace ListeningClub.Bot.Features.Ratings;

/// <summary>The ratings reveal, with the picture of the scores when there is one (<see cref="RatingPictures"/>). It pings nobody.</summary>
public static class RatingMessages
{
    public static MessageCreateRequest RatingsRevealed(Track track, Pick pick, RatingReveal reveal, AttachmentReference? picture = null)
    {
        ArgumentNullException.ThrowIfNull(reveal);
        if (reveal.Summary is not { } summary)
        {
            return Plain($"⭐ Nobody rated {Markdown.MediaName(pick.Media)} in **{Markdown.Text(track.Name)}**.");
        }

        var lines = reveal.Ratings.Take(25).Select(r =>
            $"{Markdown.Member(r.MemberId)} **{r.Score}**/10" + (r.Review is { } review ? $" — {Markdown.Text(review, 200)}" : ""));
        return new MessageCreateRequest
        {
            Content = $"⭐ Ratings for {Markdown.MediaName(pick.Media)} are in!",
            Embeds =
            [
                new Embed
                {
                    Title = $"{Markdown.Text(pick.Media.DisplayName)}: {summary.Mean.ToString("0.0", CultureInfo.InvariantCulture)}/10",
                    Description = string.Join('\n', lines),
                    Color = Palette.Ratings,
                    Image = picture is null ? null : new EmbedMedia { Url = "attachment://" + picture.Filename },
                    Footer = new EmbedFooter
                    {
                        Text = string.Create(CultureInfo.InvariantCulture, $"{summary.Count} ratings · median {summary.Median:0.#} · spread ±{summary.StandardDeviation:0.0} · {summary.Lowest}–{summary.Highest}"),
                    },
                },
            ],
            Attachments = picture is null ? null : [picture],
            AllowedMentions = AllowedMentions.None,
        };
    }

    private static MessageCreateRequest Plain(string content) => new() { Content = content, AllowedMentions = AllowedMentions.None };
}
