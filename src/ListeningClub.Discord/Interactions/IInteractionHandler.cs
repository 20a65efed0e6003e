namespace ListeningClub.Discord.Interactions;

/// <summary>
/// Handles one slash command (with its subcommands and autocomplete) and/or components and modals by
/// custom_id prefix. The routes, including the command definition, are declared on the handler type itself
/// (<see cref="Routes"/>) so the router and the registrar know them without creating a handler.
/// Register with <c>services.AddInteractionHandler&lt;T&gt;()</c>; one instance per interaction, in its own scope.
/// </summary>
public interface IInteractionHandler
{
    static abstract InteractionRoutes Routes { get; }

    /// <summary>Commands, component clicks and modal submits.</summary>
    Task HandleAsync(InteractionContext context, CancellationToken ct);

    /// <summary>Autocomplete for the command's options; answer with <see cref="InteractionContext.AutocompleteAsync"/>.</summary>
    Task AutocompleteAsync(InteractionContext context, CancellationToken ct) => context.AutocompleteAsync([], ct);
}
