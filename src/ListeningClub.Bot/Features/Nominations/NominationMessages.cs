using System.Globalization;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>What the nominations steps post. None pings anyone.</summary>
public static class NominationMessages
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

    private static MessageCreateRequest Plain(string content) => new() { Content = content, AllowedMentions = AllowedMentions.None };
}
