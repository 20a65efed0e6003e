namespace ListeningClub.Discord.Models;

/// <summary>Body of POST /interactions/{id}/{token}/callback.</summary>
public sealed record InteractionResponse
{
    public InteractionCallbackType Type { get; init; }
    public InteractionCallbackData? Data { get; init; }
}

/// <summary>
/// Callback data. Message fields for types 4 and 7 (the client fills <see cref="AllowedMentions"/>),
/// <see cref="Flags"/> only (ephemeral) for 5, <see cref="Choices"/> for 8, and
/// <see cref="CustomId"/>/<see cref="Title"/>/<see cref="Components"/> for 9 (modal).
/// </summary>
public sealed record InteractionCallbackData
{
    public bool? Tts { get; init; }
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public MessageFlags? Flags { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public PollCreateRequest? Poll { get; init; }
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }
    public string? CustomId { get; init; }
    public string? Title { get; init; }
}
