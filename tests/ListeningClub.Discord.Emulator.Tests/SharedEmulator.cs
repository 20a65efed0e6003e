using ListeningClub.Discord.Emulator.Control;

namespace ListeningClub.Discord.Emulator.Tests;

/// <summary>One emulator (rate limits off) and one guild shared by the tests of a class; tests must not depend on global counters.</summary>
public sealed class SharedEmulator : IAsyncLifetime
{
    public Harness H { get; private set; } = null!;

    public CreatedGuild Guild { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        H = await Harness.StartAsync(new EmulatorSettings { RateLimitsEnabled = false });
        Guild = await H.GuildAsync();
    }

    public async Task DisposeAsync() => await H.DisposeAsync();
}
