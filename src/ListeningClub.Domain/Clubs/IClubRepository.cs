namespace ListeningClub.Domain.Clubs;

/// <summary>Clubs with their tracks, one per guild.</summary>
public interface IClubRepository
{
    Task<Club?> GetAsync(ulong guildId, CancellationToken cancellationToken);

    /// <summary>The club whose web archive answers to <paramref name="slug"/> (exact, case-sensitive), or null.</summary>
    Task<Club?> FindByArchiveSlugAsync(string slug, CancellationToken cancellationToken);

    Task<IReadOnlyList<Club>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the club (and its tracks).</summary>
    Task SaveAsync(Club club, CancellationToken cancellationToken);
}
