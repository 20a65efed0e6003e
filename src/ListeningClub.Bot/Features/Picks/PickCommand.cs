using System.Text;
using ListeningClub.Application.Cycles;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Features.Picks;

/// <summary>/pick [track]: the current pick, its links and thread, and the next dates in everyone's own time.</summary>
public sealed class PickCommand(MemberCommandServices services, IPickRepository picks, ICycleRepository cycles) : MemberCommandHandler(services), IMemberCommand
{
    public static string Help => "the current pick, its thread and the next dates";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand("pick", "The current pick and what happens next", deferEphemeral: false, CommandOptions.Track());

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (await TrackOrReplyAsync(context, guildId, null, ct).ConfigureAwait(false) is not { } track)
        {
            return;
        }

        var all = await picks.ListByTrackAsync(track.Id, ct).ConfigureAwait(false);
        var recent = await cycles.RecentAsync(track, Time, ct).ConfigureAwait(false);
        var upcoming = StepPlanner.Plan(track, recent).Where(s => s.At > Time.GetUtcNow()).Take(3)
            .Select(s => $"▫️ {StepNames.Name(s.Step)} {Markdown.Time(s.At)} ({Markdown.Time(s.At, 'R')})");

        var text = new StringBuilder();
        if (all.Count == 0)
        {
            text.Append("No pick yet.");
        }
        else
        {
            var pick = all[^1];
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"**{Markdown.MediaName(pick.Media, withLink: true)}**, nominated by {Markdown.Member(pick.NominatorId)}, picked {Markdown.Time(pick.AnnouncedAt, 'D')}.");
            if (MediaFacts.Line(pick.Media) is { } facts)
            {
                text.Append('\n').Append(facts);
            }
            if (pick.ThreadId is { } thread)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\nDiscussion: <#{thread}>");
            }
        }

        text.Append("\n\n**Next**\n").AppendJoin('\n', upcoming.DefaultIfEmpty(track.Schedule.Paused ? "The track is paused." : "Nothing scheduled."));
        await context.ReplyAsync(new InteractionReply
        {
            Embeds = [new Embed
            {
                Title = DiscordText.Truncate($"{Markdown.Emoji(track.Kind)} {Markdown.Text(track.Name)}", DiscordLimits.EmbedTitle),
                Description = DiscordText.Truncate(text.ToString(), DiscordLimits.EmbedDescription),
                Color = Palette.Pick,
                Thumbnail = all.Count == 0 ? null : MediaFacts.Thumbnail(all[^1].Media),
            }],
            AllowedMentions = AllowedMentions.None,
        }, ct).ConfigureAwait(false);
    }
}
