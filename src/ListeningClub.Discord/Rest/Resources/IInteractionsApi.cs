using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Rest.Resources;

/// <summary>Interaction callbacks and the webhook routes of an interaction token (follow-ups, @original).</summary>
public interface IInteractionsApi
{
    /// <summary>The initial response (once per interaction, within 3 s).</summary>
    Task CreateResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken ct);

    Task<Message> GetOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken ct);

    Task<Message> EditOriginalResponseAsync(ulong applicationId, string interactionToken, WebhookMessageRequest edit, CancellationToken ct);

    /// <summary>Edits @original and attaches files (multipart upload).</summary>
    Task<Message> EditOriginalResponseAsync(ulong applicationId, string interactionToken, WebhookMessageRequest edit, IReadOnlyList<FileUpload> files, CancellationToken ct);

    Task DeleteOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken ct);

    Task<Message> CreateFollowUpAsync(ulong applicationId, string interactionToken, WebhookMessageRequest message, CancellationToken ct);

    /// <summary>Sends a follow-up with files (multipart upload).</summary>
    Task<Message> CreateFollowUpAsync(ulong applicationId, string interactionToken, WebhookMessageRequest message, IReadOnlyList<FileUpload> files, CancellationToken ct);

    Task<Message> EditFollowUpAsync(ulong applicationId, string interactionToken, ulong messageId, WebhookMessageRequest edit, CancellationToken ct);

    Task DeleteFollowUpAsync(ulong applicationId, string interactionToken, ulong messageId, CancellationToken ct);
}
