using ListeningClub.Bot.Interactions;
using ListeningClub.Catalogue;
using ListeningClub.Catalogue.Model;
using ListeningClub.Discord.Interactions;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>
/// /nominate film … and /nominate album …: a public card on success, a private "what to fix" otherwise. The title
/// autocompletes from the catalogue (TMDB for films, MusicBrainz for albums); a chosen entry, a pasted link or a title
/// with one exact match is nominated with its catalogue facts, several matches are offered to choose from, and without
/// a catalogue (not configured, or down) the title is taken as typed.
/// </summary>
public sealed class NominateCommand(
    MemberCommandServices services,
    ICatalogue catalogue,
    Nominator nominator,
    NominationDrafts drafts,
    TitleSuggestions suggestions) : MemberCommandHandler(services), IMemberCommand
{
    public static string Help => "put something forward for the next pick";

    public static InteractionRoutes Routes { get; } = CommandOptions.ServerCommand(
        "nominate",
        "Nominate a film or an album for the next pick",
        deferEphemeral: false,
        CommandOptions.Subcommand(
            "film",
            "Nominate a film",
            CommandOptions.Text("title", "The film's title, or a TMDB, IMDb or Letterboxd link", required: true, maxLength: MediaFactory.MaxTitleLength, autocomplete: true),
            CommandOptions.WholeNumber("year", "Release year", min: MediaFactory.EarliestYear, max: MediaFactory.LatestYear),
            CommandOptions.Text("director", "Director", maxLength: MediaFactory.MaxDirectorLength),
            CommandOptions.Text("link", "A link (Letterboxd, IMDb, …)", maxLength: MediaFactory.MaxLinkLength),
            CommandOptions.Text("pitch", "Why the club should pick it", maxLength: MediaFactory.MaxPitchLength),
            CommandOptions.Track()),
        CommandOptions.Subcommand(
            "album",
            "Nominate an album",
            CommandOptions.Text("title", "The album's title, or a MusicBrainz link", required: true, maxLength: MediaFactory.MaxTitleLength, autocomplete: true),
            CommandOptions.Text("artist", "The artist", required: true, maxLength: MediaFactory.MaxArtistLength),
            CommandOptions.WholeNumber("year", "Release year", min: MediaFactory.EarliestYear, max: MediaFactory.LatestYear),
            CommandOptions.Text("link", "A link (Bandcamp, MusicBrainz, …)", maxLength: MediaFactory.MaxLinkLength),
            CommandOptions.Text("pitch", "Why the club should pick it", maxLength: MediaFactory.MaxPitchLength),
            CommandOptions.Track()));

    public override async Task AutocompleteAsync(InteractionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.FocusedOption?.Name != "title")
        {
            await base.AutocompleteAsync(context, ct).ConfigureAwait(false);
            return;
        }

        var kind = KindOf(context);
        var typed = context.FocusedOption.Value?.ToString() ?? "";
        await context.AutocompleteAsync(await suggestions.ForAsync(kind, typed, context.GetString("artist"), ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        var kind = KindOf(context);
        var year = context.GetInteger("year") is { } y ? (int?)y : null;
        var artist = context.GetString("artist");
        var link = context.GetString("link");
        Result<MediaItem> typed = kind == MediaKind.Film
            ? MediaFactory.Film(context.GetString("title"), year, context.GetString("director"), link).Map(f => (MediaItem)f)
            : MediaFactory.Album(context.GetString("title"), artist, year, link).Map(a => (MediaItem)a);
        if (!typed.IsSuccess)
        {
            await ReplyProblemAsync(context, typed.Problem!, ct).ConfigureAwait(false);
            return;
        }

        var track = await TrackAsync(context, guildId, kind, ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            await ReplyProblemAsync(context, track.Problem!, ct).ConfigureAwait(false);
            return;
        }

        var pitch = MediaFactory.Pitch(context.GetString("pitch"));
        if (!pitch.IsSuccess)
        {
            await ReplyProblemAsync(context, pitch.Problem!, ct).ConfigureAwait(false);
            return;
        }

        // The catalogue may take a moment: answer privately for now (the card goes to everyone once it is in).
        var catalogueKind = kind == MediaKind.Film ? CatalogueKind.Film : CatalogueKind.Album;
        if (catalogue.IsAvailable(catalogueKind))
        {
            await context.DeferAsync(ephemeral: true, ct).ConfigureAwait(false);
        }

        var match = await CatalogueMatch.FindAsync(catalogue, kind, typed.Value.Title, typed.Value.Year, artist, ct).ConfigureAwait(false);
        if (match.Item is null && CatalogueId.TryParse(typed.Value.Title, out _))
        {
            // An entry chosen from the list that cannot be looked up now is not a title to nominate as typed.
            var why = match.Unavailable ?? "That catalogue entry was not found.";
            await ReplyProblemAsync(context, new Problem("nominate.catalogue_entry", $"{why} Type the title instead of choosing it from the list."), ct).ConfigureAwait(false);
            return;
        }

        if (match.Choices is { } choices)
        {
            var draft = new NominationDraft(track.Value.Id, memberId, typed.Value, pitch.Value, link, choices);
            await context.ReplyAsync(NominationChoice.Ask(draft, drafts.Add(draft)), ct).ConfigureAwait(false);
            return;
        }

        var media = match.Item is { } item ? CatalogueMatch.ToMedia(item, link, artist) : typed;
        var note = match.Unavailable is { } reason ? $"{reason} I nominated the title as you typed it." : null;
        var problem = media.IsSuccess
            ? await nominator.NominateAsync(context, track.Value, memberId, media.Value, pitch.Value, note, ct).ConfigureAwait(false)
            : media.Problem;
        if (problem is not null)
        {
            await ReplyProblemAsync(context, problem, ct).ConfigureAwait(false);
        }
        else if (match.Item is not null)
        {
            await catalogue.RememberAsync(match.Item, ct).ConfigureAwait(false);
        }
    }

    private static MediaKind KindOf(InteractionContext context) =>
        context.CommandPath.ElementAtOrDefault(1) == "album" ? MediaKind.Album : MediaKind.Film;
}
