using ListeningClub.Bot.Features.Backup;
using ListeningClub.Bot.Features.Health;
using ListeningClub.Bot.Features.Setup;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Bot.Web;
using ListeningClub.Catalogue.Caching;
using ListeningClub.Catalogue.CoverArt;
using ListeningClub.Catalogue.MusicBrainz;
using ListeningClub.Catalogue.Tmdb;
using ListeningClub.Discord.Configuration;
using ListeningClub.Storage.Configuration;
using Microsoft.Extensions.Configuration;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>What the README promises a new server admin, checked against the code.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void InvitePermissions_TheReadmeInteger_IsTheSumOfTheExplainedBits()
    {
        Assert.Equal(InvitePermissions.InUrl, InvitePermissions.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        Assert.Contains($"permissions={InvitePermissions.InUrl}&", readme, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ListeningClub.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ListeningClub.sln not found above the test folder.");
    }

    /// <summary>Every setting the bot binds is in the README's table and in appsettings.example.json, and the example loads.</summary>
    [Fact]
    public void EverySetting_IsDocumented_AndTheExampleFileLoadsWithTheSameSettings()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var example = new ConfigurationBuilder().AddJsonFile(Path.Combine(root, "appsettings.example.json")).Build();
        Type[] options = [typeof(DiscordOptions), typeof(StorageOptions), typeof(BackupOptions), typeof(ClubDefaultsOptions), typeof(MemberRateLimitOptions), typeof(HealthOptions), typeof(WebOptions), typeof(TmdbOptions), typeof(MusicBrainzOptions), typeof(CoverArtOptions), typeof(CatalogueCacheOptions)];
        foreach (var type in options)
        {
            var section = (string)type.GetField("SectionName")!.GetRawConstantValue()!;
            foreach (var property in type.GetProperties().Where(p => p.CanWrite))
            {
                var setting = $"{section}:{property.Name}";
                Assert.True(readme.Contains($"`{setting}`", StringComparison.Ordinal) || readme.Contains($"{setting}` /", StringComparison.Ordinal) || readme.Contains($"/ `{setting}`", StringComparison.Ordinal), $"{setting} is not in the README's table");
                if (property.Name != nameof(DiscordOptions.DevelopmentGuildId))
                {
                    Assert.True(example.GetSection(setting).Exists(), $"{setting} is not in appsettings.example.json");
                }
            }

            // The example's values bind without errors (types, formats).
            Assert.NotNull(example.GetSection(section).Get(type));
        }
    }
}
