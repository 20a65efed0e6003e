using System.ComponentModel.DataAnnotations;
using ListeningClub.Discord.Configuration;

namespace ListeningClub.Discord.Tests.Configuration;

public sealed class DiscordOptionsTests
{
    [Fact]
    public void ToString_NeverShowsTheToken()
    {
        var options = new DiscordOptions { Token = "super-secret-token" };

        Assert.DoesNotContain("super-secret-token", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingToken_SaysWhereToSetIt()
    {
        var results = new List<ValidationResult>();
        var options = new DiscordOptions();

        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Contains(results, r => r.ErrorMessage!.Contains("ListeningClub__Discord__Token", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultIntents_AreTheNonPrivilegedClubSet()
    {
        Assert.Equal(16842753, (int)new DiscordOptions().Intents);
    }
}
