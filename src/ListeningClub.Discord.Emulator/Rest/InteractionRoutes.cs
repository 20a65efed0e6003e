using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.Mentions;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>
/// The interaction callback (3-s deadline, one acknowledgement) and the webhook routes for follow-ups
/// and the original response (15-min token).
/// </summary>
public static class InteractionRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.Add("POST", "/interactions/{interaction_id}/{interaction_token}/callback", "create_interaction_response", "interaction.callback", "interaction", Callback, RouteAuth.PathToken, globalExempt: true);

        const string Hook = "/webhooks/{webhook_id}/{webhook_token}";
        api.Add("POST", Hook, "execute_webhook", "webhook", "webhook", Followup, RouteAuth.PathToken, globalExempt: true);
        api.Add("GET", Hook + "/messages/{message_id}", "get_webhook_message", "webhook", "webhook", GetMessage, RouteAuth.PathToken, globalExempt: true);
        api.Add("PATCH", Hook + "/messages/{message_id}", "update_webhook_message", "webhook", "webhook", EditMessage, RouteAuth.PathToken, globalExempt: true);
        api.Add("DELETE", Hook + "/messages/{message_id}", "delete_webhook_message", "webhook", "webhook", DeleteMessage, RouteAuth.PathToken, globalExempt: true);
    }

    private static IResult Callback(string interaction_id, string interaction_token, HttpContext ctx, EmulatorCore core)
    {
        var body = ctx.Body() as JsonObject;
        var withResponse = ctx.Request.Query["with_response"].ToString() is "true" or "True" or "1";
        lock (core.State.Gate)
        {
            if (!Render.TryParseId(interaction_id, out var id) || !core.State.Interactions.TryGetValue(id, out var interaction)
                || !string.Equals(interaction.Token, interaction_token, StringComparison.Ordinal))
            {
                return DiscordError.NotFound(DiscordError.UnknownInteraction, "Unknown interaction");
            }

            var now = core.Time.GetUtcNow();
            if (interaction.AcknowledgedAt is not null)
            {
                return DiscordError.Reply(400, DiscordError.AlreadyAcknowledged, "Interaction has already been acknowledged.");
            }

            if (now - interaction.DeliveredAt > core.Settings.InteractionDeadline)
            {
                if (!interaction.DeadlineMissed)
                {
                    interaction.DeadlineMissed = true;
                    core.Stats.CountDeadlineMiss();
                }

                return DiscordError.NotFound(DiscordError.UnknownInteraction, "Unknown interaction");
            }

            if (body is null)
            {
                return DiscordError.Form("type", "BASE_TYPE_REQUIRED", "This field is required");
            }

            var type = body["type"] is JsonValue t && t.TryGetValue<int>(out var ty) ? ty : 0;
            if (!Allowed(interaction, type))
            {
                return DiscordError.Form("type", "INTERACTION_RESPONSE_TYPE_INVALID", $"Interaction response type {type} is not valid for an interaction of type {interaction.Type}.");
            }

            var data = body["data"] as JsonObject ?? [];
            var channel = core.State.Channels[interaction.ChannelId];
            MessageEntity? message = null;
            switch (type)
            {
                case 4:
                case 5:
                    var isDefer = type == 5;
                    var flags = data["flags"] is JsonValue f && f.TryGetValue<long>(out var fl) ? fl : 0;
                    var messageBody = isDefer ? new JsonObject { ["flags"] = (flags & MessageService.Ephemeral) | MessageService.Loading } : data;
                    var (created, error) = MessageService.Create(core, channel, messageBody, Origin(core, interaction, allowEmpty: isDefer));
                    if (error is not null)
                    {
                        return error;
                    }

                    message = created;
                    interaction.OriginalMessageId = created!.Id;
                    interaction.FirstFollowupPending = isDefer;
                    break;
                case 6:
                    interaction.OriginalMessageId = interaction.SourceMessageId;
                    break;
                case 7:
                    if (interaction.SourceMessageId is { } sourceId && core.State.Messages.TryGetValue(sourceId, out var source))
                    {
                        if (MessageService.Edit(core, source, data, MentionResolver.DefaultParse.UsersOnly) is { } editError)
                        {
                            return editError;
                        }

                        message = source;
                    }

                    interaction.OriginalMessageId = interaction.SourceMessageId;
                    break;
                default:
                    break;
            }

            interaction.AcknowledgedAt = now;
            interaction.ResponseType = type;
            var record = (JsonObject)body.DeepClone();
            record["received_after_ms"] = (now - interaction.DeliveredAt).TotalMilliseconds;
            interaction.Callbacks.Add(record);
            if (type is not (5 or 6))
            {
                interaction.MarkAnswered();
            }

            if (!withResponse)
            {
                return DiscordError.NoContent();
            }

            var info = new JsonObject { ["id"] = Render.Id(interaction.Id), ["type"] = interaction.Type };
            if (message is not null)
            {
                info["response_message_id"] = Render.Id(message.Id);
                info["response_message_loading"] = (message.Flags & MessageService.Loading) != 0;
                info["response_message_ephemeral"] = (message.Flags & MessageService.Ephemeral) != 0;
            }

            var resource = new JsonObject { ["type"] = type };
            if (message is not null && type is 4 or 7)
            {
                resource["message"] = Render.Message(core.State, message);
            }

            return DiscordError.Json(new JsonObject { ["interaction"] = info, ["resource"] = resource });
        }
    }

    /// <summary>Which callback types Discord accepts for each interaction type (REFERENCE.md §4.2).</summary>
    private static bool Allowed(InteractionEntity interaction, int callbackType) => (interaction.Type, callbackType) switch
    {
        (1, 1) => true,
        (1, _) => false,
        (4, 8) => true,
        (4, _) => false,
        (_, 4 or 5) => true,
        (3, 6 or 7 or 9) => true,
        (5, 6 or 7) => interaction.SourceMessageId is not null,
        (2, 9) => true,
        _ => false,
    };

    private static MessageService.Origin Origin(EmulatorCore core, InteractionEntity interaction, bool allowEmpty)
    {
        var user = core.State.Users[interaction.UserId];
        var metadata = new JsonObject
        {
            ["id"] = Render.Id(interaction.Id),
            ["type"] = interaction.Type,
            ["user"] = EmulatorState.UserJson(user),
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = Render.Id(interaction.GuildId ?? 0) },
        };
        if (interaction.SourceMessageId is { } source)
        {
            metadata["interacted_message_id"] = Render.Id(source);
        }

        return new MessageService.Origin(
            core.BotUserId,
            interaction.Type == 2 ? 20 : 0,
            MentionResolver.DefaultParse.UsersOnly,
            WebhookId: core.ApplicationId,
            ApplicationId: core.ApplicationId,
            InteractionId: interaction.Id,
            InteractionMetadata: metadata,
            AllowEmpty: allowEmpty);
    }

    /// <summary>Finds the interaction behind a webhook route, or the error Discord gives.</summary>
    private static IResult? Resolve(EmulatorCore core, string webhookId, string token, out InteractionEntity interaction)
    {
        interaction = null!;
        if (!Render.TryParseId(webhookId, out var appId) || appId != core.ApplicationId)
        {
            return DiscordError.NotFound(DiscordError.UnknownWebhook, "Unknown Webhook");
        }

        if (!core.State.InteractionsByToken.TryGetValue(token, out interaction!))
        {
            return DiscordError.Reply(401, DiscordError.InvalidWebhookToken, "Invalid Webhook Token");
        }

        if (core.Time.GetUtcNow() - interaction.DeliveredAt > core.Settings.InteractionTokenLifetime)
        {
            return DiscordError.Reply(401, DiscordError.InvalidWebhookToken, "Invalid Webhook Token");
        }

        if (interaction.AcknowledgedAt is null)
        {
            return DiscordError.NotFound(DiscordError.UnknownWebhook, "Unknown Webhook");
        }

        return null;
    }

    private static IResult Followup(string webhook_id, string webhook_token, HttpContext ctx, EmulatorCore core)
    {
        var body = ctx.Body() as JsonObject ?? [];
        lock (core.State.Gate)
        {
            if (Resolve(core, webhook_id, webhook_token, out var interaction) is { } error)
            {
                return error;
            }

            // Legacy quirk (REFERENCE.md §4.3): the first follow-up after a type-5 defer edits the loading message.
            if (interaction.FirstFollowupPending && interaction.OriginalMessageId is { } loadingId && core.State.Messages.TryGetValue(loadingId, out var loading))
            {
                if (MessageService.Edit(core, loading, body, MentionResolver.DefaultParse.UsersOnly) is { } editError)
                {
                    return editError;
                }

                interaction.FirstFollowupPending = false;
                interaction.MarkAnswered();
                return DiscordError.Json(Render.Message(core.State, loading));
            }

            var channel = core.State.Channels[interaction.ChannelId];
            var (message, createError) = MessageService.Create(core, channel, body, Origin(core, interaction, allowEmpty: false));
            if (createError is not null)
            {
                return createError;
            }

            interaction.FollowupIds.Add(message!.Id);
            interaction.MarkAnswered();
            return DiscordError.Json(Render.Message(core.State, message));
        }
    }

    private static bool TryTarget(EmulatorCore core, InteractionEntity interaction, string messageId, out MessageEntity message)
    {
        message = null!;
        ulong id;
        if (messageId == "@original")
        {
            if (interaction.OriginalMessageId is not { } original)
            {
                return false;
            }

            id = original;
        }
        else if (!Render.TryParseId(messageId, out id) || (!interaction.FollowupIds.Contains(id) && interaction.OriginalMessageId != id))
        {
            return false;
        }

        return core.State.Messages.TryGetValue(id, out message!) && !message.Deleted;
    }

    private static IResult GetMessage(string webhook_id, string webhook_token, string message_id, EmulatorCore core)
    {
        lock (core.State.Gate)
        {
            if (Resolve(core, webhook_id, webhook_token, out var interaction) is { } error)
            {
                return error;
            }

            return TryTarget(core, interaction, message_id, out var message)
                ? DiscordError.Json(Render.Message(core.State, message))
                : DiscordError.UnknownMessageReply();
        }
    }

    private static IResult EditMessage(string webhook_id, string webhook_token, string message_id, HttpContext ctx, EmulatorCore core)
    {
        var body = ctx.Body() as JsonObject ?? [];
        lock (core.State.Gate)
        {
            if (Resolve(core, webhook_id, webhook_token, out var interaction) is { } error)
            {
                return error;
            }

            if (!TryTarget(core, interaction, message_id, out var message))
            {
                return DiscordError.UnknownMessageReply();
            }

            if (MessageService.Edit(core, message, body, MentionResolver.DefaultParse.UsersOnly) is { } editError)
            {
                return editError;
            }

            if (message.Id == interaction.OriginalMessageId)
            {
                interaction.FirstFollowupPending = false;
                interaction.MarkAnswered();
            }

            return DiscordError.Json(Render.Message(core.State, message));
        }
    }

    private static IResult DeleteMessage(string webhook_id, string webhook_token, string message_id, EmulatorCore core)
    {
        lock (core.State.Gate)
        {
            if (Resolve(core, webhook_id, webhook_token, out var interaction) is { } error)
            {
                return error;
            }

            if (!TryTarget(core, interaction, message_id, out var message))
            {
                return DiscordError.UnknownMessageReply();
            }

            MessageService.Delete(core, message);
            return DiscordError.NoContent();
        }
    }
}
