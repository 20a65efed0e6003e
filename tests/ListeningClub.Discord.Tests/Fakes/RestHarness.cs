using ListeningClub.Discord.Configuration;
using ListeningClub.Discord.Fatal;
using ListeningClub.Discord.Hosting;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Tests.Fakes;

/// <summary>The REST client wired through DI exactly as the bot does, over a scripted Discord and a fake clock.</summary>
public sealed class RestHarness : IDisposable
{
    public const string Token = "test-token-abc";

    public RestHarness(Action<DiscordOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Handler = new ScriptedDiscordHandler(Clock);
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddDiscordRest(o =>
        {
            o.Token = Token;
            o.ApiBaseUrl = "https://discord.test/api/v10";
            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(() => Handler);
        services?.Invoke(collection);
        Services = collection.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public ScriptedDiscordHandler Handler { get; }

    public ServiceProvider Services { get; }

    public IChannelMessagesApi Messages => Services.GetRequiredService<IChannelMessagesApi>();

    public IInteractionsApi Interactions => Services.GetRequiredService<IInteractionsApi>();

    public IDiscordFatalErrors Fatal => Services.GetRequiredService<IDiscordFatalErrors>();

    public DiscordRestClient Client => Services.GetRequiredService<DiscordRestClient>();

    public DateTimeOffset Start { get; } = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => Services.Dispose();
}
