using System.Security.Cryptography;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Domain.Tests.Voting;

public sealed class TieBreakSeedTests
{
    [Fact]
    public void Commitment_IsSha256OfTheSeedBytes_NotOfTheHexText()
    {
        var seed = TieBreakSeed.FromHex(Election.SeedHex);

        // Computed with: printf '%s' 0001…1f | xxd -r -p | sha256sum
        Assert.Equal("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd", seed.Commitment);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(Election.SeedHex))), seed.Commitment);
    }

    [Fact]
    public void ToHex_RoundTripsAsLowercase()
    {
        var seed = TieBreakSeed.FromHex(Election.SeedHex.ToUpperInvariant());

        Assert.Equal(Election.SeedHex, seed.ToHex());
        Assert.Equal(seed, TieBreakSeed.FromHex(seed.ToHex()));
    }

    [Fact]
    public void FromHex_IgnoresSurroundingWhitespace()
    {
        Assert.Equal(TieBreakSeed.FromHex(Election.SeedHex), TieBreakSeed.FromHex($"  {Election.SeedHex}\n"));
    }

    [Fact]
    public void Generate_DrawsDifferent32ByteSeeds()
    {
        var a = TieBreakSeed.Generate();
        var b = TieBreakSeed.Generate();

        Assert.NotEqual(a, b);
        Assert.Equal(64, a.ToHex().Length);
        Assert.Equal(TieBreakSeed.Length, a.Bytes.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e")] // 62 digits
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f00")] // 66 digits
    [InlineData("g00102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")]
    [InlineData("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")]
    [InlineData("00 102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")]
    public void TryParse_RejectsAnythingButSixtyFourHexDigits(string text)
    {
        Assert.False(TieBreakSeed.TryParse(text, out var seed));
        Assert.Null(seed);
        Assert.Throws<FormatException>(() => TieBreakSeed.FromHex(text));
    }

    [Fact]
    public void TryParse_RejectsNull()
    {
        Assert.False(TieBreakSeed.TryParse(null, out _));
    }

    [Fact]
    public void ToString_DoesNotRevealTheSeed()
    {
        var seed = TieBreakSeed.FromHex(Election.SeedHex);

        Assert.DoesNotContain(Election.SeedHex, seed.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(seed.Commitment, seed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_IsByValue()
    {
        var a = TieBreakSeed.FromHex(Election.SeedHex);
        var b = TieBreakSeed.FromBytes(Convert.FromHexString(Election.SeedHex));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, TieBreakSeed.FromHex(new string('0', 64)));
    }
}
