using ListeningClub.Application.Nominations;
using ListeningClub.Bot.Interactions;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>/nominate film … and /nominate album …: a public card on success, a private "what to fix" otherwise.</summary>
public sealed class NominateCommand(MemberCommandServices services, NominationService nominations) : MemberCommandHandler(services), IMemberCommand
{
    public static string Help => "put something forward for the next pick";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand(
        "nominate",
        "Nominate a film or an album for the next pick",
        deferEphemeral: false,
        CommandOptions.Subcommand(
            "film",
            "Nominate a film",
            CommandOptions.Text("title", "The film's title", required: true, maxLength: MediaFactory.MaxTitleLength),
            CommandOptions.WholeNumber("year", "Release year", min: MediaFactory.EarliestYear, max: MediaFactory.LatestYear),
            CommandOptions.Text("director", "Director", maxLength: MediaFactory.MaxDirectorLength),
            CommandOptions.Text("link", "A link (Letterboxd, IMDb, …)", maxLength: MediaFactory.MaxLinkLength),
            CommandOptions.Text("pitch", "Why the club should pick it", maxLength: MediaFactory.MaxPitchLength),
            CommandOptions.Track()),
        CommandOptions.Subcommand(
            "album",
            "Nominate an album",
            CommandOptions.Text("title", "The album's title", required: true, maxLength: MediaFactory.MaxTitleLength),
            CommandOptions.Text("artist", "The artist", required: true, maxLength: MediaFactory.MaxArtistLength),
            CommandOptions.WholeNumber("year", "Release year", min: MediaFactory.EarliestYear, max: MediaFactory.LatestYear),
            CommandOptions.Text("link", "A link (Bandcamp, MusicBrainz, …)", maxLength: MediaFactory.MaxLinkLength),
            CommandOptions.Text("pitch", "Why the club should pick it", maxLength: MediaFactory.MaxPitchLength),
            CommandOptions.Track()));

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        var kind = context.CommandPath.ElementAtOrDefault(1) == "album" ? MediaKind.Album : MediaKind.Film;
        var year = context.GetInteger("year") is { } y ? (int?)y : null;
        Result<MediaItem> media = kind == MediaKind.Film
            ? MediaFactory.Film(context.GetString("title"), year, context.GetString("director"), context.GetString("link")).Map(f => (MediaItem)f)
            : MediaFactory.Album(context.GetString("title"), context.GetString("artist"), year, context.GetString("link")).Map(a => (MediaItem)a);
        if (!media.IsSuccess)
        {
            await ReplyProblemAsync(context, media.Problem!, ct).ConfigureAwait(false);
            return;
        }

        var track = await TrackAsync(context, guildId, kind, ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            await ReplyProblemAsync(context, track.Problem!, ct).ConfigureAwait(false);
            return;
        }

        var nomination = await nominations.NominateAsync(track.Value, memberId, media.Value, context.GetString("pitch"), ct).ConfigureAwait(false);
        if (!nomination.IsSuccess)
        {
            await ReplyProblemAsync(context, nomination.Problem!, ct).ConfigureAwait(false);
            return;
        }

        await context.ReplyAsync(new InteractionReply
        {
            Content = "New nomination!",
            Embeds = [NominationCard.Render(track.Value, nomination.Value)],
            AllowedMentions = AllowedMentions.None,
        }, ct).ConfigureAwait(false);
    }
}
