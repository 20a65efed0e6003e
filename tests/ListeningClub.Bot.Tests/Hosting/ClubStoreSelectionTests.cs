using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Postgres.Repositories;
using ListeningClub.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary><c>Storage:Provider</c> picks the store; a provider that cannot be used stops start-up with one line and exit code 2.</summary>
public sealed class ClubStoreSelectionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "listeningclub-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Start_WithPostgresButNoConnectionString_ExitsTwoWithOneLineNamingTheSetting()
    {
        var (exitCode, stdout, stderr) = await StartupTests.RunBotAsync(
            new() { ["ListeningClub__Discord__Token"] = "token", ["ListeningClub__Storage__DataFolder"] = _folder, ["ListeningClub__Storage__Provider"] = "Postgres" });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ListeningClub cannot start: Storage:Provider is Postgres, but ConnectionStrings:Postgres is missing", line, StringComparison.Ordinal);
        Assert.Contains("ListeningClub__ConnectionStrings__Postgres", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAnUnknownProvider_ExitsTwoWithOneLine()
    {
        var (exitCode, stdout, stderr) = await StartupTests.RunBotAsync(
            new() { ["ListeningClub__Discord__Token"] = "token", ["ListeningClub__Storage__DataFolder"] = _folder, ["ListeningClub__Storage__Provider"] = "Mongo" });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Storage:Provider must be LiteDb or Postgres (got \"Mongo\")", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenThePostgresServerCannotBeReached_ExitsTwoWithOneLine_WithoutThePassword()
    {
        Directory.CreateDirectory(_folder);
        var noServer = Path.Combine(_folder, "no-server");
        Directory.CreateDirectory(noServer);

        // Discord on a closed port: "unreachable" is no reason to refuse to start, so start-up goes on to the store.
        var (exitCode, stdout, stderr) = await StartupTests.RunBotAsync(
            new()
            {
                ["ListeningClub__Discord__Token"] = "token",
                ["ListeningClub__Discord__ApiBaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}/api/v10/",
                ["ListeningClub__Storage__DataFolder"] = _folder,
                ["ListeningClub__Storage__Provider"] = "Postgres",
                ["ListeningClub__ConnectionStrings__Postgres"] = $"Host={noServer};Database=club;Username=bot;Password=hunter2-secret",
            });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ListeningClub cannot start: Cannot use the PostgreSQL database \"club\"", line, StringComparison.Ordinal);
        Assert.Contains(noServer, line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresProvider_ServesEveryRepositoryFromPostgres_AndCreatesNoLiteDbFile()
    {
        var cluster = await PostgresCluster.Shared;
        using var host = UnstartedHost.Build(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "token",
            ["Storage:DataFolder"] = _folder,
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:Postgres"] = await cluster.CreateSchemaAsync("selection"),
        });

        var clubs = host.Services.GetRequiredService<IClubRepository>();
        await clubs.SaveAsync(Club.New(42), default);

        Assert.IsType<PostgresClubRepository>(clubs);
        Assert.Equal(42UL, (await clubs.GetAsync(42, default))!.GuildId);
        Assert.True((await host.Services.GetRequiredService<IStorageMaintenance>().ProbeAsync(default)).Writable);
        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFiles(_folder, "*.db", SearchOption.AllDirectories).Any(), "no LiteDB file on PostgreSQL");
    }

    [Fact]
    public async Task NoProvider_MeansLiteDb()
    {
        using var host = UnstartedHost.Build(new Dictionary<string, string?> { ["Discord:Token"] = "token", ["Storage:DataFolder"] = _folder });

        var clubs = host.Services.GetRequiredService<IClubRepository>();
        await clubs.SaveAsync(Club.New(42), default);

        Assert.DoesNotContain("Postgres", clubs.GetType().Name, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "listeningclub.db")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
