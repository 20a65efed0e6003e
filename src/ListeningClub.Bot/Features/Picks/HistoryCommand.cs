using System.Globalization;
using System.Text;
using ListeningClub.Application.History;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Bot.Rendering.Charts;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Ratings;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Features.Picks;

/// <summary>
/// /history [track] [cycle]: the picks, newest first, with who nominated them and how the club rated them; with
/// <c>cycle</c>, that cycle's pick in detail with the picture of its count (recounted from the stored ballots and seed).
/// </summary>
public sealed partial class HistoryCommand(MemberCommandServices services, ClubHistoryQuery history, ICycleRepository cycles, VotingService voting, TimeProvider time, ILogger<HistoryCommand> logger)
    : PagedListHandler(services), IMemberCommand
{
    public const int PageSize = 15;

    /// <summary>The longest the details wait for the picture (the answer is deferred meanwhile; no schedule waits on it); without it they are answered in words alone.</summary>
    public static readonly TimeSpan PictureTimeBox = TimeSpan.FromSeconds(10);

    public static string Help => "past picks and how the club rated them; `cycle:` one pick in detail, with a picture of its count";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand(
        "history",
        "The club's past picks",
        deferEphemeral: false,
        CommandOptions.Track(),
        CommandOptions.WholeNumber("cycle", "One cycle's pick in detail, with a picture of its count", min: 1)) with { ComponentPrefixes = ["history"] };

    protected override async Task<InteractionReply?> AnswerAsync(InteractionContext context, Track track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetInteger("cycle") is not { } number)
        {
            return null;
        }

        var record = await history.TrackAsync(track, withBallots: false, ct).ConfigureAwait(false);
        var pick = record.Picks.FirstOrDefault(p => p.CycleNumber == number);
        var cycle = pick is null ? null : (await cycles.ListByTrackAsync(track.Id, ct).ConfigureAwait(false)).FirstOrDefault(c => c.Id == pick.CycleId);
        if (pick is null || cycle is null)
        {
            return InteractionReply.Text($"**{Markdown.Text(track.Name)}** has no pick for cycle {number}. `/history` lists them.", ephemeral: true);
        }

        var recount = await voting.RecountAsync(track, cycle, ct).ConfigureAwait(false);
        var summary = RatingSummary.Of(record.RevealedRatings.Where(r => r.CycleId == pick.CycleId).Select(r => r.Score));
        var description = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Nominated by {Markdown.Member(pick.NominatorId)}, announced {Markdown.Time(pick.AnnouncedAt, 'D')}");
        if (MediaFacts.Line(pick.Media) is { } facts)
        {
            description.Append(" · ").Append(facts);
        }

        List<EmbedField> fields = [];
        if (recount.IsSuccess)
        {
            var result = CountSummary.Named(recount.Value.Tally, recount.Value.NameOf);
            fields.Add(new EmbedField { Name = "Result", Value = Markdown.Text(result, DiscordLimits.EmbedFieldValue) });
        }

        fields.Add(new EmbedField { Name = "Turnout", Value = $"{Markdown.Count(pick.BallotCount, "ballot", "ballots")} for {Markdown.Count(pick.CandidateCount, "nomination", "nominations")} · {MethodNames.Of(pick.Method)}" });
        if (summary is not null)
        {
            fields.Add(new EmbedField { Name = "Rating", Value = string.Create(CultureInfo.InvariantCulture, $"⭐ {summary.Mean:0.0} from {Markdown.Count(summary.Count, "rating", "ratings")}") });
        }

        var picture = recount.IsSuccess ? await DrawAsync(track, recount.Value, ct).ConfigureAwait(false) : null;
        var embed = new Embed
        {
            Title = DiscordText.Truncate($"{Markdown.Emoji(track.Kind)} {Markdown.Text(track.Name)}, cycle {number}: {Markdown.MediaName(pick.Media)}", DiscordLimits.EmbedTitle),
            Description = DiscordText.Truncate(description.ToString(), DiscordLimits.EmbedDescription),
            Color = Palette.Pick,
            Fields = fields,
            Thumbnail = MediaFacts.Thumbnail(pick.Media),
            Image = picture is null ? null : new EmbedMedia { Url = "attachment://" + picture.FileName },
        };
        return new InteractionReply { Embeds = [embed], Files = picture is null ? [] : [picture], AllowedMentions = AllowedMentions.None };
    }

    protected override string List => "history";

    protected override async Task<InteractionReply> RenderAsync(Track track, int page, CancellationToken ct)
    {
        var record = await history.TrackAsync(track, withBallots: false, ct).ConfigureAwait(false);
        var (picks, ratings) = (record.Picks, record.RevealedRatings);
        (page, var pages) = Pages.Clamp(page, picks.Count, PageSize);
        var text = new StringBuilder();
        foreach (var pick in picks.Reverse().Skip(page * PageSize).Take(PageSize))
        {
            var summary = RatingSummary.Of(ratings.Where(r => r.CycleId == pick.CycleId).Select(r => r.Score));
            var rating = summary is null ? "" : string.Create(CultureInfo.InvariantCulture, $" · ⭐ {summary.Mean:0.0} ({summary.Count})");
            var facts = MediaFacts.Line(pick.Media) is { } line ? $" ({line})" : "";
            text.Append(CultureInfo.InvariantCulture, $"**{pick.CycleNumber}.** {Markdown.MediaName(pick.Media, withLink: true)}{facts} — {Markdown.Member(pick.NominatorId)}, {Markdown.Time(pick.AnnouncedAt, 'D')}{rating}\n");
        }

        var embed = new Embed
        {
            Title = DiscordText.Truncate($"{Markdown.Emoji(track.Kind)} {Markdown.Text(track.Name)} — history", DiscordLimits.EmbedTitle),
            Description = picks.Count == 0 ? "No picks yet." : DiscordText.Truncate(text.ToString(), DiscordLimits.EmbedDescription),
            Color = Palette.Pick,
            Footer = new EmbedFooter { Text = $"{Markdown.Count(picks.Count, "pick", "picks")}{Pages.Footer(page, pages)}" },
        };
        return new InteractionReply { Embeds = [embed], Components = Pages.Buttons(List, track.Id, page, pages), AllowedMentions = AllowedMentions.None };
    }

    /// <summary>The count's picture, drawn on the thread pool within <see cref="PictureTimeBox"/>; null (and one log line) when it cannot be.</summary>
    private async Task<FileUpload?> DrawAsync(Track track, ElectionOutcome outcome, CancellationToken ct)
    {
        var (picture, failure) = await TimeBoxedDrawing.RunAsync(
            _ => Task.FromResult(ResultChart.Render(outcome.Tally, outcome.NameOf, $"{track.Name}: {outcome.Pick.Media.DisplayName}")), PictureTimeBox, time, ct).ConfigureAwait(false);
        if (failure is not null)
        {
            LogNoPicture(logger, track.Id.ToString(), failure);
        }

        return picture?.AsFile(ResultChart.FileName);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering /history details for track {TrackId} without the picture: {Reason}")]
    private static partial void LogNoPicture(ILogger logger, string trackId, string reason);
}
