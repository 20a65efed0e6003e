using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Resources;

internal sealed class InteractionsApi(DiscordRestClient rest) : IInteractionsApi
{
    private const string Callback = "/interactions/{interaction_id}/{interaction_token}/callback";
    private const string Original = "/webhooks/{application_id}/{interaction_token}/messages/@original";
    private const string FollowUps = "/webhooks/{application_id}/{interaction_token}";
    private const string FollowUp = "/webhooks/{application_id}/{interaction_token}/messages/{message_id}";

    public Task CreateResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken ct) =>
        rest.SendAsync(
            DiscordRoutes.InteractionWebhook(HttpMethod.Post, Callback, "i" + DiscordRoutes.Id(interactionId), DiscordRoutes.Path($"/interactions/{interactionId}/{interactionToken}/callback")),
            MessageSafety.Prepare(response),
            DiscordJsonContext.Default.InteractionResponse,
            ct);

    public Task<Message> GetOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken ct) =>
        rest.SendAsync(Webhook(HttpMethod.Get, Original, applicationId, interactionToken, DiscordRoutes.Path($"/webhooks/{applicationId}/{interactionToken}/messages/@original")), DiscordJsonContext.Default.Message, ct);

    public Task<Message> EditOriginalResponseAsync(ulong applicationId, string interactionToken, WebhookMessageRequest edit, CancellationToken ct) =>
        EditOriginalResponseAsync(applicationId, interactionToken, edit, [], ct);

    public Task<Message> EditOriginalResponseAsync(ulong applicationId, string interactionToken, WebhookMessageRequest edit, IReadOnlyList<FileUpload> files, CancellationToken ct) =>
        SendMessageAsync(Webhook(HttpMethod.Patch, Original, applicationId, interactionToken, DiscordRoutes.Path($"/webhooks/{applicationId}/{interactionToken}/messages/@original")), edit, files, ct);

    public Task DeleteOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken ct) =>
        rest.SendAsync(Webhook(HttpMethod.Delete, Original, applicationId, interactionToken, DiscordRoutes.Path($"/webhooks/{applicationId}/{interactionToken}/messages/@original")), null, ct);

    public Task<Message> CreateFollowUpAsync(ulong applicationId, string interactionToken, WebhookMessageRequest message, CancellationToken ct) =>
        CreateFollowUpAsync(applicationId, interactionToken, message, [], ct);

    public Task<Message> CreateFollowUpAsync(ulong applicationId, string interactionToken, WebhookMessageRequest message, IReadOnlyList<FileUpload> files, CancellationToken ct) =>
        SendMessageAsync(Webhook(HttpMethod.Post, FollowUps, applicationId, interactionToken, DiscordRoutes.Path($"/webhooks/{applicationId}/{interactionToken}?wait=true")), message, files, ct);

    public Task<Message> EditFollowUpAsync(ulong applicationId, string interactionToken, ulong messageId, WebhookMessageRequest edit, CancellationToken ct) =>
        rest.SendAsync(
            Webhook(HttpMethod.Patch, FollowUp, applicationId, interactionToken, DiscordRoutes.Path($"/webhooks/{applicationId}/{interactionToken}/messages/{messageId}")),
            MessageSafety.Prepare(edit),
            DiscordJsonContext.Default.WebhookMessageRequest,
            DiscordJsonContext.Default.Message,
            ct);

    public Task DeleteFollowUpAsync(ulong applicationId, string interactionToken, ulong messageId, CancellationToken ct) =>
        rest.SendAsync(Webhook(HttpMethod.Delete, FollowUp, applicationId, interactionToken, DiscordRoutes.Path($"/webhooks/{applicationId}/{interactionToken}/messages/{messageId}")), null, ct);

    /// <summary>A message as JSON, or with files as a multipart upload (the payload then names them in <c>attachments</c>).</summary>
    private Task<Message> SendMessageAsync(DiscordRoute route, WebhookMessageRequest message, IReadOnlyList<FileUpload> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(files);
        return files.Count == 0
            ? rest.SendAsync(route, MessageSafety.Prepare(message), DiscordJsonContext.Default.WebhookMessageRequest, DiscordJsonContext.Default.Message, ct)
            : rest.SendWithFilesAsync(route, MessageSafety.Prepare(message with { Attachments = MultipartBody.References(files) }), DiscordJsonContext.Default.WebhookMessageRequest, files, DiscordJsonContext.Default.Message, ct);
    }

    private static DiscordRoute Webhook(HttpMethod method, string template, ulong applicationId, string token, string path) =>
        DiscordRoutes.InteractionWebhook(method, template, string.Concat("w", DiscordRoutes.Id(applicationId), "/", token), path);
}
