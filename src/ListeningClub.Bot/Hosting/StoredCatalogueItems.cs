using System.Text.Json;
using ListeningClub.Catalogue.Caching;
using ListeningClub.Catalogue.Model;
using ListeningClub.Domain.Media;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// The catalogue's <see cref="ICatalogueItemStore"/> on the club's store: a chosen item is kept as JSON in a
/// <see cref="CatalogueEntry"/>, so it never needs the network again. An entry older than <see cref="MaxAge"/> is absent
/// (TMDB's terms ask that stored data be refreshed: months, not years), so the catalogue asks the service again; an
/// entry that cannot be read is absent too, with one warning. Registered before <c>AddCatalogue()</c>, it replaces the
/// catalogue's keep-nothing default.
/// </summary>
internal sealed partial class StoredCatalogueItems(ICatalogueEntryRepository entries, TimeProvider time, ILogger<StoredCatalogueItems> logger) : ICatalogueItemStore
{
    /// <summary>The age after which a stored item is fetched again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(180);

    public async ValueTask<CatalogueItem?> FindAsync(CatalogueId id, CancellationToken ct)
    {
        var key = id.ToString();
        CatalogueEntry? entry;
        try
        {
            entry = await entries.FindAsync(key, ct).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            LogUnreadable(logger, key, ex.Message);
            return null;
        }

        if (entry is null || time.GetUtcNow() - entry.FetchedAt > MaxAge)
        {
            return null;
        }

        if (entry.Json.Length > CatalogueEntry.MaxJsonLength)
        {
            LogUnreadable(logger, key, $"{entry.Json.Length} characters, more than the {CatalogueEntry.MaxJsonLength} an entry may have");
            return null;
        }

        try
        {
            var item = StoredCatalogueItemJson.Read(entry.Json);
            if (item.Id != id)
            {
                LogUnreadable(logger, key, $"it holds {item.Id}");
                return null;
            }

            return item;
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, key, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Keeps <paramref name="item"/> (replacing what was kept for its id). Its age counts from its
    /// <see cref="CatalogueItem.FetchedAt"/>, or from now when that is unset or in the future. An item whose JSON would be
    /// longer than an entry may be is not kept (one warning): it only costs a request later.
    /// </summary>
    public async ValueTask SaveAsync(CatalogueItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        var now = time.GetUtcNow();
        if (item.FetchedAt == default || item.FetchedAt > now)
        {
            item = item with { FetchedAt = now };
        }

        var entry = new CatalogueEntry { CatalogueId = item.Id.ToString(), Json = StoredCatalogueItemJson.Write(item), FetchedAt = item.FetchedAt };
        if (!entry.IsWithinLimits)
        {
            LogTooLong(logger, entry.CatalogueId, entry.Json.Length, CatalogueEntry.MaxJsonLength);
            return;
        }

        await entries.SaveAsync(entry, ct).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored catalogue entry {CatalogueId} cannot be read ({Reason}); it is fetched from the catalogue again")]
    private static partial void LogUnreadable(ILogger logger, string catalogueId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The catalogue item {CatalogueId} is not stored: its JSON has {Length} characters, more than the {MaxLength} an entry may have")]
    private static partial void LogTooLong(ILogger logger, string catalogueId, int length, int maxLength);
}
