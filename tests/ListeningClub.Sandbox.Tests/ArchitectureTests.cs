using ListeningClub.Bot.Hosting;
using ListeningClub.Discord.Emulator.Hosting;

namespace ListeningClub.Sandbox.Tests;

/// <summary>Where the sandbox sits in the dependency rule: on top of the bot and the emulator, which know nothing of each other.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void TheSandbox_UsesTheBotAndTheEmulatorOnly_AndNeitherUsesTheOther()
    {
        Assert.Equal(["ListeningClub.Bot", "ListeningClub.Discord.Emulator"], Ours(typeof(Sandbox.Hosting.Sandbox).Assembly));
        Assert.DoesNotContain("ListeningClub.Discord.Emulator", Ours(typeof(BotHost).Assembly));
        Assert.DoesNotContain("ListeningClub.Bot", Ours(typeof(DiscordEmulator).Assembly));
        Assert.DoesNotContain("ListeningClub.Discord", Ours(typeof(DiscordEmulator).Assembly));
    }

    private static List<string> Ours(System.Reflection.Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("ListeningClub.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}
