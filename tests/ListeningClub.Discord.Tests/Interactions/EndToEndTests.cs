using System.Net;
using ListeningClub.Discord.Gateway;
using ListeningClub.Discord.Hosting;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Tests.Interactions;

public sealed class EndToEndTests
{
    [Fact]
    public async Task InteractionFrame_FromTheGateway_IsAnsweredThroughRest_AndCommandsAreRegisteredOnReady()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var rest = new ScriptedDiscordHandler(clock);
        rest.Respond = (r, _) => Task.FromResult(r.Method == HttpMethod.Get && r.PathAndQuery.Contains("/commands", StringComparison.Ordinal)
            ? Responses.Json(HttpStatusCode.OK, "[]")
            : r.Method == HttpMethod.Put
                ? Responses.Json(HttpStatusCode.OK, "[]")
                : new HttpResponseMessage(HttpStatusCode.NoContent));
        var gateway = new ScriptedGateway();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IGatewayTransportFactory>(gateway);
        services.AddSingleton<IGatewayApi, FakeGatewayApi>();
        services.AddDiscordClient(o =>
        {
            o.Token = "t";
            o.ApiBaseUrl = "https://discord.test/api/v10";
            o.DevelopmentGuildId = 7;
        }).ConfigurePrimaryHttpMessageHandler(() => rest);
        services.AddSingleton<Probe>();
        services.AddInteractionHandler<NominateHandler>();
        await using var provider = services.BuildServiceProvider();
        using var stop = new CancellationTokenSource();
        var client = provider.GetRequiredService<GatewayShards>();
        client.NextJitter = () => 0.5;
        var running = Task.WhenAll(client.RunAsync(stop.Token), provider.GetRequiredService<GatewayDispatcher>().RunAsync(stop.Token));

        var connection = await gateway.NextConnectionAsync();
        connection.Hello(40_000);
        await connection.NextSentAsync(2);
        connection.Ready(1);
        await Eventually.True(() => rest.Requests.Any(r => r.Method == HttpMethod.Put), "commands are registered on READY");
        connection.Dispatch("INTERACTION_CREATE", 2, """{"id":"9","application_id":"42","type":2,"token":"tok","version":1,"data":{"id":"1","name":"club","type":1,"options":[{"name":"nominate","type":1,"options":[{"name":"title","type":3,"value":"Stalker"}]}]}}""");
        await Eventually.True(() => rest.Requests.Any(r => r.PathAndQuery.EndsWith("/callback", StringComparison.Ordinal)), "the interaction is answered");

        Assert.Equal("/api/v10/applications/42/guilds/7/commands", rest.Requests.Single(r => r.Method == HttpMethod.Put).PathAndQuery);
        Assert.Equal(["command:club nominate:Stalker"], provider.GetRequiredService<Probe>().Calls);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
