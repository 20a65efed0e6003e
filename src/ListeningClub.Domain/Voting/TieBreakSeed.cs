using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace ListeningClub.Domain.Voting;

/// <summary>
/// The secret behind a cycle's tie-breaks: 32 random bytes drawn when voting opens.
/// Its <see cref="Commitment"/> (SHA-256) is published at once; the seed itself
/// (<see cref="ToHex"/>) is revealed with the result so any member can recompute every tie-break.
/// </summary>
/// <remarks><see cref="ToString"/> deliberately does not print the seed, so it cannot leak into logs early.</remarks>
public sealed class TieBreakSeed : IEquatable<TieBreakSeed>
{
    /// <summary>The seed length in bytes.</summary>
    public const int Length = 32;

    private readonly byte[] _bytes;

    private TieBreakSeed(byte[] bytes)
    {
        _bytes = bytes;
        Commitment = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// The public commitment: the lowercase hex SHA-256 of the 32 seed bytes (not of the hex text).
    /// Check it with e.g. <c>echo -n "$SEED_HEX" | xxd -r -p | sha256sum</c>.
    /// </summary>
    public string Commitment { get; }

    /// <summary>The seed bytes (a read-only view): the HMAC key of the tie-break.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Draws a new seed from the operating system's cryptographic random number generator.</summary>
    public static TieBreakSeed Generate() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>Makes a seed from exactly 32 bytes.</summary>
    /// <exception cref="ArgumentException">When <paramref name="bytes"/> is not 32 bytes long.</exception>
    public static TieBreakSeed FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length
            ? new TieBreakSeed(bytes.ToArray())
            : throw new ArgumentException($"A tie-break seed is {Length} bytes, not {bytes.Length}.", nameof(bytes));

    /// <summary>Parses 64 hex digits (either case; surrounding whitespace ignored).</summary>
    /// <exception cref="FormatException">When the text is not 64 hex digits.</exception>
    public static TieBreakSeed FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return TryParse(hex, out var seed, out var error)
            ? seed
            : throw new FormatException(error);
    }

    /// <summary>Parses 64 hex digits (either case; surrounding whitespace ignored); false on anything else, including null.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, [NotNullWhen(true)] out TieBreakSeed? seed) =>
        TryParse(hex, out seed, out _);

    /// <summary>As <see cref="TryParse(string?, out TieBreakSeed?)"/>, with a readable reason when it fails.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, [NotNullWhen(true)] out TieBreakSeed? seed, [NotNullWhen(false)] out string? error)
    {
        seed = null;
        if (hex is null)
        {
            error = "No seed was given.";
            return false;
        }

        var text = hex.AsSpan().Trim();
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                error = $"The seed must be hexadecimal (0-9, a-f); '{c}' is not a hex digit.";
                return false;
            }
        }

        if (text.Length != Length * 2)
        {
            error = $"The seed must be {Length * 2} hex digits ({Length} bytes); this one has {text.Length}.";
            return false;
        }

        seed = new TieBreakSeed(Convert.FromHexString(text));
        error = null;
        return true;
    }

    /// <summary>The seed as 64 lowercase hex digits: what is revealed with the result.</summary>
    public string ToHex() => Convert.ToHexStringLower(_bytes);

    public bool Equals(TieBreakSeed? other) =>
        other is not null && CryptographicOperations.FixedTimeEquals(_bytes, other._bytes);

    public override bool Equals(object? obj) => Equals(obj as TieBreakSeed);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

    /// <summary>Shows the commitment only; use <see cref="ToHex"/> to reveal the seed.</summary>
    public override string ToString() => $"TieBreakSeed(commitment {Commitment})";
}
