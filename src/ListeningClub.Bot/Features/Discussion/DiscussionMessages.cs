using System.Globalization;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;

namespace ListeningClub.Bot.Features.Discussion;

/// <summary>What the discussion steps post. None pings anyone.</summary>
public static class DiscussionMessages
{
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

    public static MessageCreateRequest Prompt(Pick pick, Prompt prompt, int number) => Plain(
        $"💬 **Discussion prompt {number.ToString(CultureInfo.InvariantCulture)}** for {Markdown.MediaName(pick.Media)}:\n> {Markdown.Text(prompt.Text)}");

    private static MessageCreateRequest Plain(string content) => new() { Content = content, AllowedMentions = AllowedMentions.None };
}
