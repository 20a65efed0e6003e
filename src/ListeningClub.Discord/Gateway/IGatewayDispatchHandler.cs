namespace ListeningClub.Discord.Gateway;

/// <summary>
/// Handles gateway dispatches. Registered scoped; each dispatch runs in its own DI scope, off the receive loop.
/// Delivery is at-least-once across reconnects in Discord's model, so handlers should be idempotent.
/// </summary>
public interface IGatewayDispatchHandler
{
    /// <summary>Whether this handler wants events named <paramref name="eventName"/> (e.g. "INTERACTION_CREATE").</summary>
    bool Wants(string eventName);

    Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct);
}
