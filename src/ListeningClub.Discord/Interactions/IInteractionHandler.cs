namespace ListeningClub.Discord.Interactions;

/// <summary>
/// Handles one slash command (with its subcommands and autocomplete) and/or components and modals by custom_id
/// prefix; one instance per interaction, in its own scope. What it answers (its <see cref="InteractionRoutes"/>) is
/// given when it is registered: declared on the type itself (<see cref="IRoutedInteractionHandler"/>), or built when
/// the container is (for a command whose subcommands come from other registrations).
/// </summary>
public interface IInteractionHandler
{
    /// <summary>Commands, component clicks and modal submits.</summary>
    Task HandleAsync(InteractionContext context, CancellationToken ct);

    /// <summary>Autocomplete for the command's options; answer with <see cref="InteractionContext.AutocompleteAsync"/>.</summary>
    Task AutocompleteAsync(InteractionContext context, CancellationToken ct) => context.AutocompleteAsync([], ct);
}

/// <summary>
/// A handler that declares its routes, including its command definition, on its type (<see cref="Routes"/>), so the
/// router and the registrar know them without creating a handler. Register with <c>services.AddInteractionHandler&lt;T&gt;()</c>.
/// </summary>
public interface IRoutedInteractionHandler : IInteractionHandler
{
    static abstract InteractionRoutes Routes { get; }
}
