using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Interactions;

/// <summary>A modal to open: custom_id (≤ 100), title (≤ 45), 1–5 components (labels with text inputs or selects).</summary>
public sealed record InteractionModal(string CustomId, string Title, IReadOnlyList<Component> Components);
