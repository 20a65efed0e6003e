using System.ComponentModel.DataAnnotations;

namespace ListeningClub.Catalogue.Caching;

/// <summary>The in-memory cache of searches and items. Bound from <c>Catalogue:Cache</c>.</summary>
public sealed class CatalogueCacheOptions
{
    public const string SectionName = "Catalogue:Cache";

    /// <summary>Entries kept at most (a search answer or an item is one entry); beyond it the oldest-used go.</summary>
    [Range(10, 1_000_000)]
    public int MaxEntries { get; set; } = 5_000;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan SearchTtl { get; set; } = TimeSpan.FromMinutes(30);

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ItemTtl { get; set; } = TimeSpan.FromHours(24);
}
