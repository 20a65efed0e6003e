using System.Globalization;
using ListeningClub.Application.Ratings;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Bot.Features.Rhythm;

/// <summary>The messages the rhythm posts by itself. None pings anyone.</summary>
public static class RhythmMessages
{
    /// <summary>
    /// A cycle's nominations are open (posted when a track is created and when each cycle starts): what to nominate,
    /// with which command and options, how many per member, and when voting opens.
    /// </summary>
    public static MessageCreateRequest NominationsOpen(Track track, Cycle cycle)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        var (what, one, many, how) = track.Kind == MediaKind.Album
            ? ("an album", "album", "albums", "`/nominate album` (title and artist; if you like also `year`, `link` and a `pitch`)")
            : ("a film", "film", "films", "`/nominate film` (title; if you like also `year`, `director`, `link` and a `pitch`)");
        var cap = track.Rules.NominationCapPerMember;
        var deadline = cycle.VotingOpensAt is { } opens
            ? $"Nominations close and voting opens {Markdown.Time(opens)} ({Markdown.Time(opens, 'R')})."
            : "Voting opens when a manager opens it.";
        return Plain(
            $"📝 Nominations are open for **{Markdown.Text(track.Name)}** (cycle {cycle.Number.ToString(CultureInfo.InvariantCulture)}): nominate {what} with {how}.\n" +
            $"Each member can nominate up to **{Markdown.Count(cap, one, many)}** this cycle; `/withdraw` takes one back and `/nominations` lists them all.\n" +
            deadline);
    }

    /// <summary>
    /// The first message in a pick's discussion: what it is about, when the discussion prompts come, and how to rate
    /// (sealed until the reveal, planned for when the next pick is announced).
    /// </summary>
    public static MessageCreateRequest DiscussionOpened(Track track, Pick pick, IReadOnlyList<DateTimeOffset> promptTimes, DateTimeOffset revealAt)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(pick);
        ArgumentNullException.ThrowIfNull(promptTimes);
        var prompts = promptTimes.Count switch
        {
            0 => "No discussion prompts are scheduled for this track; just talk.",
            1 => $"A discussion prompt comes here {Markdown.Time(promptTimes[0])}.",
            _ => $"Discussion prompts come here {string.Join(", ", promptTimes.SkipLast(1).Select(t => Markdown.Time(t)))} and {Markdown.Time(promptTimes[^1])}.",
        };
        return Plain(
            $"🧵 **{Markdown.MediaName(pick.Media)}** is this cycle's pick for **{Markdown.Text(track.Name)}**: talk about it here.\n" +
            prompts + "\n" +
            $"Rate it from 1 to 10 with `/rate` (a `review` too if you like, or `review-box:True` for a longer one). Ratings are sealed: " +
            $"nobody sees them, and you can change yours, until they are revealed with the next pick, planned for {Markdown.Time(revealAt)} ({Markdown.Time(revealAt, 'R')}).");
    }

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
