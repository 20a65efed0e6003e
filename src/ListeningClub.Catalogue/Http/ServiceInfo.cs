using ListeningClub.Catalogue.Model;

namespace ListeningClub.Catalogue.Http;

/// <summary>How a service is named in logs ("TMDB") and to members ("the film catalogue (TMDB)").</summary>
internal sealed record ServiceInfo(string Name, string Noun, string Feature, string ConfigHint)
{
    public static readonly ServiceInfo Tmdb = new("TMDB", "The film catalogue (TMDB)", "film lookups", "set Catalogue:Tmdb:ApiKey or Catalogue:Tmdb:ReadAccessToken");

    public static readonly ServiceInfo MusicBrainz = new("MusicBrainz", "The album catalogue (MusicBrainz)", "album lookups", "set Catalogue:MusicBrainz:Contact (a URL or e-mail address MusicBrainz can reach you at)");

    public static readonly ServiceInfo CoverArt = new("Cover Art Archive", "The cover art archive", "album covers", "");

    /// <summary>One sentence a member can read.</summary>
    public string MessageFor(CatalogueFailure failure) => failure switch
    {
        CatalogueFailure.NotConfigured => $"{Noun} is not set up on this bot.",
        CatalogueFailure.BadCredentials => $"{Noun} is not available: it rejected the bot's credentials.",
        CatalogueFailure.RateLimited or CatalogueFailure.Busy => $"{Noun} is busy right now; try again in a few seconds.",
        CatalogueFailure.Cancelled => $"{Noun} did not answer in time.",
        CatalogueFailure.Rejected => $"{Noun} could not answer that request.",
        _ => $"{Noun} is unavailable right now.",
    };
}
