using System.Globalization;
using System.Text;
using ListeningClub.Application.History;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Bot.Features.Ratings;

/// <summary>/stats [member] [track]: the club's most active nominators, best-loved and most divisive picks, or one member's record.</summary>
public sealed class StatsCommand(MemberCommandServices services, ClubHistoryQuery history) : MemberCommandHandler(services), IMemberCommand
{
    public static string Help => "the club's numbers, or a member's (wins, ratings, best taste match)";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand(
        "stats",
        "Club statistics, or one member's",
        deferEphemeral: false,
        CommandOptions.User("member", "A member (leave empty for the whole club)"),
        CommandOptions.Track());

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        if (await TrackOrReplyAsync(context, guildId, null, ct).ConfigureAwait(false) is not { } track)
        {
            return;
        }

        var record = await history.TrackAsync(track, withBallots: false, ct).ConfigureAwait(false);
        var (picks, nominations, ratings) = (record.Picks, record.Nominations, record.RevealedRatings);
        var text = new StringBuilder();
        if (context.GetId("member") is { } member)
        {
            var stats = ClubStatistics.Member(member, nominations, picks, ratings);
            text.Append(CultureInfo.InvariantCulture, $"{Markdown.Member(member)} in **{Markdown.Text(track.Name)}**\n");
            text.Append(CultureInfo.InvariantCulture, $"▫️ {Markdown.Count(stats.Nominations, "nomination", "nominations")}, {Markdown.Count(stats.Wins, "win", "wins")} ({Markdown.Percent(stats.WinRate)})\n");
            text.Append(stats.AverageGiven is { } average
                ? string.Create(CultureInfo.InvariantCulture, $"▫️ {Markdown.Count(stats.RatingsGiven, "rating", "ratings")} given, {average:0.0} on average\n")
                : "▫️ No revealed ratings yet\n");
            text.Append(stats.BestMatch is { } match
                ? string.Create(CultureInfo.InvariantCulture, $"▫️ Best taste match: {Markdown.Member(match.OtherMemberId)} (r = {match.Correlation:0.00} over {match.SharedPicks} picks)")
                : "▫️ No taste match yet (needs 3 picks rated by both)");
        }
        else
        {
            var club = ClubStatistics.Club(nominations, picks, ratings);
            text.Append(CultureInfo.InvariantCulture, $"**{Markdown.Text(track.Name)}**: {Markdown.Count(club.Picks, "pick", "picks")} from {Markdown.Count(club.Nominations, "nomination", "nominations")}\n\n**Most nominations**\n");
            text.AppendJoin('\n', club.TopNominators.Select(s => $"▫️ {Markdown.Member(s.MemberId)}: {s.Nominations} ({s.Wins} won, {Markdown.Percent(s.WinRate)})"));
            text.Append("\n\n**Best loved**\n").AppendJoin('\n', club.TopPicks.Select(p => string.Create(CultureInfo.InvariantCulture, $"▫️ {Markdown.MediaName(p.Pick.Media)} ⭐ {p.Summary.Mean:0.0}")).DefaultIfEmpty("▫️ Nothing rated yet"));
            text.Append("\n\n**Most divisive**\n").AppendJoin('\n', club.MostDivisive.Select(p => string.Create(CultureInfo.InvariantCulture, $"▫️ {Markdown.MediaName(p.Pick.Media)} (±{p.Summary.StandardDeviation:0.0})")).DefaultIfEmpty("▫️ Not enough ratings yet"));
        }

        await context.ReplyAsync(new InteractionReply
        {
            Embeds = [new Embed { Title = "📊 Stats", Description = Discord.Safety.DiscordText.Truncate(text.ToString(), Discord.Safety.DiscordLimits.EmbedDescription), Color = Palette.Ratings }],
            AllowedMentions = AllowedMentions.None,
        }, ct).ConfigureAwait(false);
    }
}
