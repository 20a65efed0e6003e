using System.Buffers.Text;
using System.Security.Cryptography;
using ListeningClub.Application.Locks;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;

namespace ListeningClub.Application.Archive;

/// <summary>
/// Turning a club's web archive on and off and rotating its link, under the club's lock. The link's secret is a slug of
/// <see cref="SlugBytes"/> random bytes (160 bits, base64url): unguessable, so an unlisted archive stays unlisted.
/// </summary>
public sealed class ClubArchiveService(IClubRepository clubs, TrackLocks locks)
{
    public const int SlugBytes = 20;

    /// <summary>Turns the archive on; a club whose archive is already on keeps its link.</summary>
    public Task<Result<Club>> TurnOnAsync(ulong guildId, CancellationToken cancellationToken) =>
        ChangeAsync(guildId, club => club with { ArchiveSlug = club.ArchiveSlug ?? NewSlug() }, cancellationToken);

    /// <summary>Turns the archive off: its link answers 404 from now on, and turning it on again gives a new one.</summary>
    public Task<Result<Club>> TurnOffAsync(ulong guildId, CancellationToken cancellationToken) =>
        ChangeAsync(guildId, club => club with { ArchiveSlug = null }, cancellationToken);

    /// <summary>Gives the archive a new link; the old one answers 404 from now on.</summary>
    public Task<Result<Club>> RotateLinkAsync(ulong guildId, CancellationToken cancellationToken) =>
        ChangeAsync(
            guildId,
            club => club.ArchiveSlug is null
                ? new Problem("archive.off", "The club's web archive is off, so it has no link to rotate. Turn it on with /club archive on.")
                : club with { ArchiveSlug = NewSlug() },
            cancellationToken);

    /// <summary>A new slug: <see cref="SlugBytes"/> bytes from the system's CSPRNG, base64url without padding.</summary>
    public static string NewSlug() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SlugBytes));

    private async Task<Result<Club>> ChangeAsync(ulong guildId, Func<Club, Result<Club>> change, CancellationToken cancellationToken)
    {
        using var held = await locks.ClubAsync(guildId, cancellationToken).ConfigureAwait(false);
        if (await clubs.GetAsync(guildId, cancellationToken).ConfigureAwait(false) is not { } club)
        {
            return new Problem("club.none", "This server has no club yet. A manager can start one with /club setup.");
        }

        var changed = change(club);
        if (changed.IsSuccess && changed.Value != club)
        {
            await clubs.SaveAsync(changed.Value, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }
}
