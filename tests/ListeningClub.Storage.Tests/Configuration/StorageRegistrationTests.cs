using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Common;
using ListeningClub.Storage.Configuration;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ListeningClub.Storage.Tests.Configuration;

public sealed class StorageRegistrationTests
{
    [Fact]
    public async Task Host_OpensTheStoreOnStart_ServesRepositories_AndClosesItOnStop()
    {
        using var folder = new TempFolder();
        using (var host = BuildHost(folder.Path))
        {
            await host.StartAsync();
            var ballots = host.Services.GetRequiredService<IBallotRepository>();
            await ballots.UpsertAsync(Sample.Ballot(new CycleId(Guid.Empty), 5), default);
            await host.Services.GetRequiredService<IStorageMaintenance>().CheckpointAsync();
            await host.StopAsync();
        }

        // Stopped means released: the folder opens again and holds the ballot.
        await using var reopened = new TestStore(folder.Path);
        Assert.Equal(1, await new ListeningClub.Storage.Repositories.BallotRepository(reopened.Store).CountByCycleAsync(new CycleId(Guid.Empty), default));
    }

    [Fact]
    public async Task Host_OnALockedFolder_FailsToStartWithTheFolderNamed()
    {
        using var folder = new TempFolder();
        await using var holder = new TestStore(folder.Path);
        using var host = BuildHost(folder.Path);

        var error = await Assert.ThrowsAsync<DataFolderInUseException>(() => host.StartAsync());

        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidOptions_FailStartWithAClearMessage()
    {
        using var folder = new TempFolder();
        using var host = BuildHost(folder.Path, ("Storage:BackupsKept", "0"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("BackupsKept", error.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(string folder, params (string Key, string Value)[] extra)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("Storage:DataFolder", folder), .. extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))]);
        builder.Services.AddListeningClubStorage();
        return builder.Build();
    }
}
