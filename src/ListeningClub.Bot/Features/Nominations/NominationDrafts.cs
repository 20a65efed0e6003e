using System.Collections.Concurrent;
using System.Security.Cryptography;
using ListeningClub.Catalogue.Model;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>A /nominate waiting for the member to choose among the catalogue's matches (or to take it as typed).</summary>
public sealed record NominationDraft(TrackId TrackId, ulong MemberId, MediaItem Typed, string? Pitch, string? Link, IReadOnlyList<CatalogueItem> Candidates);

/// <summary>
/// Nominations waiting for a choice, for as long as the interaction that asked can still be answered (15 minutes).
/// Kept in memory: after a restart the choice has expired and the member nominates again.
/// </summary>
public sealed class NominationDrafts(TimeProvider time)
{
    /// <summary>An interaction token lives 15 minutes; a choice made later could not be answered anyway.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private const int MaxDrafts = 10_000;

    private readonly ConcurrentDictionary<string, (NominationDraft Draft, DateTimeOffset Expires)> _drafts = new(StringComparer.Ordinal);

    /// <summary>Keeps the draft and returns its key (12 URL-safe characters, unguessable).</summary>
    public string Add(NominationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        if (_drafts.Count >= MaxDrafts)
        {
            foreach (var (key, entry) in _drafts.Where(d => d.Value.Expires <= now).ToList())
            {
                _drafts.TryRemove(new KeyValuePair<string, (NominationDraft, DateTimeOffset)>(key, entry));
            }
        }

        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)).Replace('+', '-').Replace('/', '_');
        _drafts[id] = (draft, now + Lifetime);
        return id;
    }

    /// <summary>The member's draft; null when it expired, was used, or is someone else's.</summary>
    public NominationDraft? Find(string key, ulong memberId) =>
        _drafts.TryGetValue(key, out var entry) && entry.Draft.MemberId == memberId && entry.Expires > time.GetUtcNow() ? entry.Draft : null;

    /// <summary>The choice was made and the nomination is in: the draft is done.</summary>
    public void Complete(string key) => _drafts.TryRemove(key, out _);
}
