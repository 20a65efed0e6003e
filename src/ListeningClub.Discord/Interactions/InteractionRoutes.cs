using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Interactions;

/// <summary>
/// What a handler answers: a top-level command (routed by name; its subcommands come to the same handler) and/or
/// custom_id prefixes (the part before the first ':', e.g. "vote" for "vote:12:3").
/// </summary>
public sealed record InteractionRoutes
{
    public ApplicationCommand? Command { get; init; }

    public IReadOnlyList<string> ComponentPrefixes { get; init; } = [];

    public IReadOnlyList<string> ModalPrefixes { get; init; } = [];

    /// <summary>When the router has to defer on the handler's behalf, whether the later reply is ephemeral.</summary>
    public bool DeferEphemeral { get; init; }

    public static InteractionRoutes ForCommand(ApplicationCommand command, bool deferEphemeral = false) =>
        new() { Command = command, DeferEphemeral = deferEphemeral };

    public static InteractionRoutes ForComponents(params string[] prefixes) => new() { ComponentPrefixes = prefixes };

    public static InteractionRoutes ForModals(params string[] prefixes) => new() { ModalPrefixes = prefixes };

    /// <summary>The routing key of a custom_id: the part before the first ':'.</summary>
    public static string PrefixOf(string customId)
    {
        ArgumentNullException.ThrowIfNull(customId);
        var colon = customId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? customId : customId[..colon];
    }
}
