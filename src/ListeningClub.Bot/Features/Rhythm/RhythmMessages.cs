using System.Globalization;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Bot.Features.Rhythm;

/// <summary>The messages the rhythm posts by itself. None pings anyone.</summary>
public static class RhythmMessages
{
    public static MessageCreateRequest NominationsOpen(Track track, Cycle cycle) => Plain(
        $"📝 Nominations are open for **{Markdown.Text(track.Name)}** (cycle {cycle.Number}). Nominate with /nominate" +
        (cycle.VotingOpensAt is { } opens ? $"; voting opens {Markdown.Time(opens)} ({Markdown.Time(opens, 'R')})." : "."));

    public static MessageCreateRequest NoNominations(Track track, Cycle replanned) => Plain(
        $"Nobody nominated anything for **{Markdown.Text(track.Name)}** this time, so voting didn't open. Nominations stay open" +
        (replanned.VotingOpensAt is { } opens ? $" until {Markdown.Time(opens)}." : "."));

    public static MessageCreateRequest Prompt(Track track, Pick pick, Prompt prompt, int number) => Plain(
        $"💬 **Discussion prompt {number.ToString(CultureInfo.InvariantCulture)}** for {Markdown.MediaName(pick.Media)}:\n> {Markdown.Text(prompt.Text)}");

    public static MessageCreateRequest LateAnnouncementNote(Track track, TimeSpan late) => Plain(
        $"(The bot was offline when voting for **{Markdown.Text(track.Name)}** was due to close; it closed {FormatLate(late)} late, with every ballot cast before then.)");

    public static MessageCreateRequest RatingsRevealed(Track track, Pick pick, RatingReveal reveal)
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
                    Footer = new EmbedFooter
                    {
                        Text = string.Create(CultureInfo.InvariantCulture, $"{summary.Count} ratings · median {summary.Median:0.#} · spread ±{summary.StandardDeviation:0.0} · {summary.Lowest}–{summary.Highest}"),
                    },
                },
            ],
            AllowedMentions = AllowedMentions.None,
        };
    }

    private static string FormatLate(TimeSpan late) =>
        late.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{late.TotalHours:0.#} hours")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)late.TotalMinutes)} minutes");

    private static MessageCreateRequest Plain(string content) => new() { Content = content, AllowedMentions = AllowedMentions.None };
}
