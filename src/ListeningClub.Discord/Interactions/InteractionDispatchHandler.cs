using System.Text.Json;
using ListeningClub.Discord.Gateway;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Interactions;

/// <summary>Feeds INTERACTION_CREATE dispatches to the router, in the dispatch's DI scope.</summary>
internal sealed class InteractionDispatchHandler(InteractionRouter router, IServiceProvider scope) : IGatewayDispatchHandler
{
    public bool Wants(string eventName) => eventName == "INTERACTION_CREATE";

    public Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct)
    {
        var interaction = dispatch.Data.Deserialize(DiscordJsonContext.Default.Interaction)
            ?? throw new JsonException("INTERACTION_CREATE without an interaction.");
        return router.HandleAsync(interaction, dispatch.ReceivedAt, scope, ct);
    }
}
