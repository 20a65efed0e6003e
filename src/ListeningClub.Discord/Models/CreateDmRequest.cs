namespace ListeningClub.Discord.Models;

/// <summary>Body of POST /users/@me/channels.</summary>
public sealed record CreateDmRequest
{
    public ulong RecipientId { get; init; }
}
