using System.Security.Cryptography;
using System.Text;

namespace ListeningClub.Domain.Voting;

/// <summary>
/// The club's auditable tie-break. Every tie in every tally is resolved by one fixed order of the
/// candidates, computed from the cycle's <see cref="TieBreakSeed"/>:
/// <list type="number">
/// <item>For each candidate id, compute <c>HMAC-SHA256(key = the 32 seed bytes, message = the UTF-8 bytes of the candidate id)</c>.</item>
/// <item>Sort the candidates by their 32-byte HMAC values, compared as unsigned big-endian numbers
/// (equivalently: the lowercase hex strings compared as text), smallest first.</item>
/// <item>The first candidate in that order is the most preferred: it wins a tie for a place.
/// When a tie decides who is <em>eliminated</em> (instant-runoff), the <em>last</em> in that order goes,
/// so the order reads as a preference everywhere.</item>
/// </list>
/// Anyone can recompute it, e.g. <c>printf '%s' "$CANDIDATE_ID" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SEED_HEX</c>
/// for each tied candidate, then sort the outputs.
/// </summary>
/// <remarks>
/// The order restricted to any subset of candidates is the same order, so ties among any group are
/// decided consistently. Distinct ids never share an HMAC in practice; should they, the ids' ordinal
/// order decides, so the order is always total.
/// </remarks>
public sealed class TieBreaker
{
    private readonly byte[] _key;

    public TieBreaker(TieBreakSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        Seed = seed;
        _key = seed.Bytes.ToArray();
    }

    /// <summary>The seed this tie-breaker orders by.</summary>
    public TieBreakSeed Seed { get; }

    /// <summary>The lowercase hex HMAC-SHA256 of <paramref name="candidateId"/> under the seed: the key it is sorted by.</summary>
    public string ComputeKeyHex(string candidateId)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        return Convert.ToHexStringLower(ComputeKey(candidateId));
    }

    /// <summary>
    /// Orders the candidates by their HMAC-SHA256 keys, ascending: the first is the most preferred.
    /// </summary>
    /// <exception cref="ArgumentException">When an id is null or appears twice.</exception>
    public IReadOnlyList<string> Order(IEnumerable<string> candidateIds)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        var keyed = new List<(string Id, byte[] Key)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in candidateIds)
        {
            if (id is null)
            {
                throw new ArgumentException("A candidate id is null.", nameof(candidateIds));
            }

            if (!seen.Add(id))
            {
                throw new ArgumentException($"Candidate '{id}' appears twice.", nameof(candidateIds));
            }

            keyed.Add((id, ComputeKey(id)));
        }

        keyed.Sort(static (a, b) =>
        {
            var byKey = a.Key.AsSpan().SequenceCompareTo(b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Id, b.Id);
        });

        var ordered = new string[keyed.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = keyed[i].Id;
        }

        return ValueList<string>.Own(ordered);
    }

    /// <summary>The winner of a tie among <paramref name="tied"/>: the first of <see cref="Order"/>.</summary>
    /// <exception cref="ArgumentException">When there is nobody to pick, or an id is null or repeated.</exception>
    public string Pick(IEnumerable<string> tied)
    {
        var order = Order(tied);
        return order.Count > 0 ? order[0] : throw new ArgumentException("There is no candidate to pick from.", nameof(tied));
    }

    private byte[] ComputeKey(string candidateId) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(candidateId));
}
