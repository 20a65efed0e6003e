using System.Net;
using System.Text.Json;
using ListeningClub.Discord.Hosting;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Discord.Tests.Interactions;

public sealed class CommandRegistrarTests
{
    private static RestHarness Harness(ulong? guild) => new(
        o => o.DevelopmentGuildId = guild,
        s =>
        {
            s.AddSingleton<Probe>();
            s.AddSingleton<InteractionRouter>();
            s.AddSingleton<CommandRegistrar>();
            s.AddInteractionHandler<NominateHandler>();
            s.AddInteractionHandler<VoteButtonHandler>();
        });

    // What Discord returns for the declared command: server fields and filled-in defaults.
    private const string Existing = """
    [{"id":"100","application_id":"42","version":"5","type":1,"name":"club","description":"The club","default_member_permissions":null,"nsfw":false,"contexts":null,
      "options":[{"type":1,"name":"nominate","description":"Nominate a film","options":[{"type":3,"name":"title","description":"Title","required":true,"autocomplete":true}]}]}]
    """;

    [Fact]
    public async Task SameCommandsAsDiscord_AreNotRewritten()
    {
        using var h = Harness(guild: 7);
        h.Handler.Respond = (_, _) => Task.FromResult(Responses.Json(HttpStatusCode.OK, Existing));

        var wrote = await h.Services.GetRequiredService<CommandRegistrar>().SyncAsync(42, default);

        Assert.False(wrote);
        Assert.Equal("/api/v10/applications/42/guilds/7/commands", Assert.Single(h.Handler.Requests).PathAndQuery);
    }

    [Fact]
    public async Task ChangedCommands_AreBulkOverwritten_Globally()
    {
        using var h = Harness(guild: null);
        h.Handler.Respond = (r, _) => Task.FromResult(Responses.Json(HttpStatusCode.OK, r.Method == HttpMethod.Get ? Existing.Replace("Nominate a film", "Old text", StringComparison.Ordinal) : Existing));

        var wrote = await h.Services.GetRequiredService<CommandRegistrar>().SyncAsync(42, default);

        Assert.True(wrote);
        var put = h.Handler.Requests[1];
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.Equal("/api/v10/applications/42/commands", put.PathAndQuery);
        var sent = JsonDocument.Parse(put.Body!).RootElement;
        Assert.Equal("club", Assert.Single(sent.EnumerateArray()).GetProperty("name").GetString());
    }
}
