namespace ListeningClub.Catalogue.Model;

/// <summary>What a catalogue item is: a film (TMDB) or an album (a MusicBrainz release group).</summary>
public enum CatalogueKind
{
    Film,
    Album,
}
