using ListeningClub.Catalogue;
using ListeningClub.Catalogue.Model;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>
/// The title's autocomplete: up to 24 catalogue entries ("Alien (1979) — Ridley Scott", whose value is the entry's id)
/// and what was typed, as typed. Discord gives an autocomplete 3 s and no way to defer, so the catalogue gets
/// <see cref="Budget"/>; after that, or while it is down or its queue is long, what is cached answers.
/// </summary>
public sealed class TitleSuggestions(ICatalogue catalogue, TimeProvider time)
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private const int MaxChoices = 25;
    private const int MinSearchLength = 2;

    public async Task<IReadOnlyList<ApplicationCommandOptionChoice>> ForAsync(MediaKind kind, string typed, string? artist, CancellationToken ct)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0)
        {
            return [];
        }

        var catalogueKind = kind == MediaKind.Film ? CatalogueKind.Film : CatalogueKind.Album;
        IReadOnlyList<CatalogueItem> items = [];
        if (text.Length >= MinSearchLength && catalogue.IsAvailable(catalogueKind) && (catalogueKind == CatalogueKind.Film || catalogue.EstimatedAlbumWait < Budget))
        {
            using var budget = new CancellationTokenSource(Budget, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
            var found = catalogueKind == CatalogueKind.Album && !string.IsNullOrWhiteSpace(artist)
                ? await catalogue.SearchAlbumsAsync(text, artist, linked.Token).ConfigureAwait(false)
                : await catalogue.SearchAsync(catalogueKind, text, linked.Token).ConfigureAwait(false);
            items = found.IsFound ? found.Value! : found.IsUnavailable ? catalogue.SearchCached(catalogueKind, text) : [];
        }
        else
        {
            items = catalogue.SearchCached(catalogueKind, text);
        }

        var choices = items
            .Take(MaxChoices - 1)
            .Select(item => ApplicationCommandOptionChoice.ForString(DiscordText.Truncate(item.Label, 100), item.Id.ToString()))
            .ToList();
        if (text.Length <= 100)
        {
            choices.Add(ApplicationCommandOptionChoice.ForString(DiscordText.Truncate($"{text} (as typed)", 100), text));
        }

        return choices;
    }
}
