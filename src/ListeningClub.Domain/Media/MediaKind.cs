namespace ListeningClub.Domain.Media;

/// <summary>What a track nominates and picks.</summary>
public enum MediaKind
{
    Film = 0,
    Album = 1,
}
