using System.Buffers.Text;
using System.Security.Cryptography;
using ListeningClub.Application.Locks;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;

namespace ListeningClub.Application.Archive;

/// <summary>
/// Turning a club's web archive on and off and rotating its link, under the club's lock. An unlisted link's secret is a
/// slug of <see cref="SlugBytes"/> random bytes (160 bits, base64url): unguessable, so an unlisted archive stays
/// unlisted. A club may instead make it public under a name it chooses (<see cref="UsePublicNameAsync"/>), which anyone
/// may guess; rotating the link makes it unlisted again.
/// </summary>
public sealed class ClubArchiveService(IClubRepository clubs, TrackLocks locks) : IDisposable
{
    public const int SlugBytes = 20;

    public const int MinNameLength = 3;

    public const int MaxNameLength = 40;

    // One club claims a name at a time, so two clubs never both get it (a club's own lock covers only that club).
    private readonly SemaphoreSlim _naming = new(1, 1);

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

    /// <summary>
    /// Makes the archive public under <paramref name="name"/> (<see cref="MinNameLength"/> to <see cref="MaxNameLength"/>
    /// lowercase letters, digits and single hyphens inside), turning it on if it was off; its unlisted link, if any, stops
    /// working. A name another club uses is refused.
    /// </summary>
    public async Task<Result<Club>> UsePublicNameAsync(ulong guildId, string? name, CancellationToken cancellationToken)
    {
        var wanted = (name ?? "").Trim();
        if (!IsPublicName(wanted))
        {
            return new Problem(
                "archive.name",
                $"An archive name is {MinNameLength} to {MaxNameLength} lowercase letters (a–z), digits and hyphens, starting and ending with a letter or digit, e.g. `film-night-berlin`.");
        }

        await _naming.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await clubs.FindByArchiveSlugAsync(wanted, cancellationToken).ConfigureAwait(false) is { } holder && holder.GuildId != guildId)
            {
                return new Problem("archive.taken", $"Another club's archive is already called `{wanted}`. Choose another name.");
            }

            return await ChangeAsync(guildId, club => club with { ArchiveSlug = wanted }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _naming.Release();
        }
    }

    /// <summary>Whether <paramref name="slug"/> is a public name a club chose rather than a random unlisted slug.</summary>
    public static bool IsPublicName(string? slug) =>
        slug is { Length: >= MinNameLength and <= MaxNameLength }
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal);

    public void Dispose() => _naming.Dispose();

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
