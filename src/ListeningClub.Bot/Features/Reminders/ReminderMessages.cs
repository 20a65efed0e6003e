using System.Globalization;
using System.Text;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;

namespace ListeningClub.Bot.Features.Reminders;

/// <summary>
/// The reminders. In the channel they ping the track's opt-in reminder role and nobody else (allowed_mentions names
/// only that role); by direct message they ping nobody.
/// </summary>
public static class ReminderMessages
{
    private const int MaxCandidatesListed = 20;

    /// <summary>Voting closes soon: when, and what there is to choose from.</summary>
    public static MessageCreateRequest Voting(Track track, DateTimeOffset closesAt, IReadOnlyList<Nomination> candidates, bool direct = false)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(candidates);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"⏰ Voting for **{Markdown.Text(track.Name)}** closes {Markdown.Time(closesAt)} ({Markdown.Time(closesAt, 'R')}). ");
        text.Append(direct ? $"Vote with /vote in <#{track.ChannelId}>." : "Vote with /vote or the **Vote** button.");
        text.Append(CultureInfo.InvariantCulture, $"\n{Markdown.Count(candidates.Count, "nomination", "nominations")} to choose from:");
        foreach (var nomination in candidates.Take(MaxCandidatesListed))
        {
            text.Append("\n▫️ ").Append(Markdown.MediaName(nomination.Media));
        }

        if (candidates.Count > MaxCandidatesListed)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n…and {candidates.Count - MaxCandidatesListed} more (see /nominations)");
        }

        return Finish(track, text, direct);
    }

    /// <summary>The watch/listen party starts soon.</summary>
    public static MessageCreateRequest Party(Track track, Pick pick, DateTimeOffset startsAt, ulong? eventId, bool direct = false)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(pick);
        var what = track.Kind == MediaKind.Album ? "listening party" : "watch party";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"🍿 The {what} for {Markdown.MediaName(pick.Media, withLink: true)} (**{Markdown.Text(track.Name)}**) starts {Markdown.Time(startsAt)} ({Markdown.Time(startsAt, 'R')}).");
        if (eventId is { } id)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nEvent: https://discord.com/events/{track.GuildId}/{id}");
        }

        if (pick.ThreadId is { } thread)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nDiscussion: <#{thread}>");
        }

        return Finish(track, text, direct);
    }

    private static MessageCreateRequest Finish(Track track, StringBuilder text, bool direct)
    {
        var role = direct ? null : track.ReminderRoleId;
        if (role is { } id)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n<@&{id}>");
        }

        return new MessageCreateRequest
        {
            Content = DiscordText.Truncate(text.ToString(), DiscordLimits.Content),
            AllowedMentions = role is { } pinged ? AllowedMentions.Only(roles: [pinged]) : AllowedMentions.None,
        };
    }
}
