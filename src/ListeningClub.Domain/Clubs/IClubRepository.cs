namespace ListeningClub.Domain.Clubs;

/// <summary>Clubs with their tracks, one per guild.</summary>
public interface IClubRepository
{
    Task<Club?> GetAsync(ulong guildId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Club>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the club (and its tracks).</summary>
    Task SaveAsync(Club club, CancellationToken cancellationToken);
}
