using System.Globalization;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>The voting steps' own notices. None pings anyone.</summary>
public static class VotingMessages
{
    public static MessageCreateRequest NoNominations(Track track, Cycle replanned)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(replanned);
        return Plain(
            $"Nobody nominated anything for **{Markdown.Text(track.Name)}** this time, so voting didn't open. Nominations stay open" +
            (replanned.VotingOpensAt is { } opens ? $" until {Markdown.Time(opens)}." : "."));
    }

    public static MessageCreateRequest LateAnnouncementNote(Track track, TimeSpan late)
    {
        ArgumentNullException.ThrowIfNull(track);
        return Plain($"(The bot was offline when voting for **{Markdown.Text(track.Name)}** was due to close; it closed {FormatLate(late)} late, with every ballot cast before then.)");
    }

    private static string FormatLate(TimeSpan late) =>
        late.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{late.TotalHours:0.#} hours")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)late.TotalMinutes)} minutes");

    private static MessageCreateRequest Plain(string content) => new() { Content = content, AllowedMentions = AllowedMentions.None };
}
