using System.ComponentModel.DataAnnotations;

namespace ListeningClub.Catalogue.CoverArt;

/// <summary>How the bot reaches the Cover Art Archive (album covers). Bound from <c>Catalogue:CoverArt</c>; needs no key.</summary>
public sealed class CoverArtOptions
{
    public const string SectionName = "Catalogue:CoverArt";

    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://coverartarchive.org";

    /// <summary>The thumbnail size in cover URLs: 250, 500 or 1200 pixels.</summary>
    [AllowedValues(250, 500, 1200)]
    public int Size { get; set; } = 250;

    /// <summary>Off: no cover checks, items carry no cover URL.</summary>
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);

    [Range(0, 5)]
    public int MaxRetries { get; set; } = 1;

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OutageCooldown { get; set; } = TimeSpan.FromSeconds(30);
}
