namespace ListeningClub.Discord.Interactions;

/// <summary>A registered handler type and its routes (added by <c>AddInteractionHandler&lt;T&gt;()</c>).</summary>
public sealed record InteractionHandlerRegistration(Type HandlerType, InteractionRoutes Routes);
