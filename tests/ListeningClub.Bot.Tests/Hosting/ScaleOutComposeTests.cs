using System.Text.RegularExpressions;
using ListeningClub.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>
/// deploy/compose.scale-out.yaml (PostgreSQL and three instances) as Docker Compose reads it: the instances together run
/// every shard once, on the same store, come back after a crash, and each one's settings pass the bot's own start-up checks.
/// </summary>
public sealed partial class ScaleOutComposeTests
{
    private static readonly Lazy<YamlMappingNode> Services = new(() =>
    {
        using var reader = new StreamReader(Path.Combine(ReadmeTests.RepositoryRoot(), "deploy", "compose.scale-out.yaml"));
        var yaml = new YamlStream();
        yaml.Load(new MergingParser(new Parser(reader))); // resolves the `<<: *bot` merge keys as Compose does
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    });

    [Fact]
    public void TheInstances_RunEveryShardOnce_OnOneStore()
    {
        var bots = Bots().ToList();
        var count = Assert.Single(bots.Select(b => b.Environment["ListeningClub__Discord__ShardCount"]).Distinct());

        Assert.Equal(3, bots.Count);
        Assert.Equal(Enumerable.Range(0, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), bots.Select(b => b.Environment["ListeningClub__Discord__ShardIds"]).Order());
        Assert.All(bots, b => Assert.Equal("Postgres", b.Environment["ListeningClub__Storage__Provider"]));
        Assert.Single(bots.Select(b => b.Environment["ListeningClub__ConnectionStrings__Postgres"]).Distinct());
        Assert.Equal(bots.Count, bots.Select(b => b.Service["volumes"][0].ToString()).Distinct().Count());
    }

    [Fact]
    public void EveryInstance_ComesBackAfterACrash_AndStartsOnlyOnceTheDatabaseIsUp()
    {
        Assert.All(Bots(), bot =>
        {
            Assert.Equal("unless-stopped", bot.Service["restart"].ToString());
            Assert.Equal("service_healthy", bot.Service["depends_on"]["db"]["condition"].ToString());
        });
        Assert.Contains("pg_isready", Services.Value["db"]["healthcheck"]["test"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoPasswordIsCommitted_ItComesFromTheOperatorsEnvironmentFile()
    {
        var password = Services.Value["db"]["environment"]["POSTGRES_PASSWORD"].ToString();

        Assert.Matches(RequiredVariable(), password);
        Assert.All(Bots(), bot => Assert.Contains($"Password={password}", bot.Environment["ListeningClub__ConnectionStrings__Postgres"], StringComparison.Ordinal));
        Assert.Contains("deploy/.env", File.ReadAllLines(Path.Combine(ReadmeTests.RepositoryRoot(), ".gitignore")));
    }

    [Fact]
    public void EveryInstancesSettings_PassTheBotsStartUpChecks()
    {
        foreach (var bot in Bots())
        {
            var settings = bot.Environment.ToDictionary(
                e => e.Key["ListeningClub__".Length..].Replace("__", ":", StringComparison.Ordinal),
                e => (string?)Interpolate(e.Value));
            settings["Discord:Token"] = "token-from-listeningclub.env";
            settings["Storage:DataFolder"] = Path.Combine(Path.GetTempPath(), "listeningclub-tests", Guid.NewGuid().ToString("N"));
            using var host = UnstartedHost.Build(settings);

            host.Services.GetRequiredService<IStartupValidator>().Validate(); // throws with every problem, as the bot reports them
        }
    }

    private static IEnumerable<(YamlMappingNode Service, Dictionary<string, string> Environment)> Bots() =>
        Services.Value.Children
            .Where(s => s.Key.ToString().StartsWith("bot-", StringComparison.Ordinal))
            .Select(s => (YamlMappingNode)s.Value)
            .Select(s => (s, ((YamlMappingNode)s["environment"]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString())));

    /// <summary>Compose's interpolation with the operator's variables unset but the required ones: <c>${NAME:-default}</c> is the default, <c>${NAME:?message}</c> a value the operator set.</summary>
    private static string Interpolate(string value) =>
        Variable().Replace(value, m => m.Groups["default"].Success ? m.Groups["default"].Value : "set-by-the-operator");

    [GeneratedRegex(@"\$\{\w+(:-(?<default>[^}]*)|:\?[^}]*)?\}")]
    private static partial Regex Variable();

    /// <summary>Compose's <c>${NAME:?message}</c>: the variable must be set, or Compose refuses to start.</summary>
    [GeneratedRegex(@"\$\{LISTENINGCLUB_DB_PASSWORD:\?[^}]+\}")]
    private static partial Regex RequiredVariable();
}
