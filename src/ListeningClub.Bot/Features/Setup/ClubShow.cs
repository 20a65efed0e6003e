using System.Globalization;
using System.Text;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Features.Setup;

/// <summary>/club show: every track with its channel, schedule, method and rules and the posts it has queued, and who manages the club.</summary>
public sealed class ClubShow(QueuedPosts queued) : IManagerSubcommand
{
    public static string Help => "the club's tracks and settings, and any posts still waiting for Discord to accept them";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand("show", "The club's tracks and settings, and posts waiting for Discord");

    public async Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Club is not { Tracks.Count: > 0 } club)
        {
            return new Problem("club.none", "This server has no club yet. Start one with /club setup.");
        }

        var text = new StringBuilder();
        foreach (var t in club.Tracks)
        {
            text.Append(CultureInfo.InvariantCulture, $"**{Markdown.Text(t.Name)}** ({t.Kind.ToString().ToLowerInvariant()}s) in <#{t.ChannelId}>\n");
            var poll = t.Rules.NativePoll ? " with a Discord poll" : "";
            text.Append(CultureInfo.InvariantCulture, $"▫️ {t.ScheduleDescription}\n▫️ {MethodNames.Of(t.Rules.VotingMethod)}{poll}, ballot size {t.Rules.BallotSize}\n");
            text.Append(CultureInfo.InvariantCulture, $"▫️ {t.Rules.NominationCapPerMember} nomination(s) per member, carry-over {t.Rules.CarryOverCycles}, past picks {(t.Rules.AllowPastPicks ? "allowed" : "not allowed")}\n");
            var posts = await queued.OfTrackAsync(club.GuildId, t.Id, ct).ConfigureAwait(false);
            foreach (var post in posts.Take(QueuedPosts.MaxListed))
            {
                text.Append(CultureInfo.InvariantCulture, $"▫️ {QueuedPosts.Line(post)}\n");
            }

            if (posts.Count > QueuedPosts.MaxListed)
            {
                text.Append(CultureInfo.InvariantCulture, $"▫️ ⏳ and {posts.Count - QueuedPosts.MaxListed} more queued posts\n");
            }
        }

        text.Append(club.ManagerRoleId is { } role ? $"Manager role: <@&{role}>" : "Manager role: none (members with Manage Server manage the club)");
        return DiscordText.Truncate(text.ToString(), DiscordLimits.Content);
    }
}
