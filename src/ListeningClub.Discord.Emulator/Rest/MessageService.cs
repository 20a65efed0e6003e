using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Gateway;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.Mentions;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>Creating and editing messages (shared by channel, interaction and webhook routes). Call under the state lock.</summary>
public static class MessageService
{
    public const long Ephemeral = 1 << 6;
    public const long Loading = 1 << 7;

    /// <summary>Message creation context: who posts, how, and which defaults apply.</summary>
    public sealed record Origin(
        ulong AuthorId,
        int Type,
        MentionResolver.DefaultParse DefaultParse,
        ulong? WebhookId = null,
        ulong? ApplicationId = null,
        ulong? InteractionId = null,
        JsonObject? InteractionMetadata = null,
        bool AllowEmpty = false,
        ulong? Id = null);

    public static bool IsEmpty(JsonObject body) =>
        (Str(body["content"]) ?? "").Length == 0
        && (body["embeds"] as JsonArray ?? []).Count == 0
        && (body["components"] as JsonArray ?? []).Count == 0
        && (body["sticker_ids"] as JsonArray ?? []).Count == 0
        && body["poll"] is not JsonObject;

    /// <summary>How long Discord remembers a nonce for <c>enforce_nonce</c> ("the past few minutes").</summary>
    public static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(5);

    /// <summary>
    /// With <c>enforce_nonce: true</c>, a message the same author created in the channel with the same nonce in the
    /// past few minutes is returned instead of creating another (Discord's message-create contract).
    /// </summary>
    private static MessageEntity? FindByEnforcedNonce(EmulatorCore core, ChannelEntity channel, JsonObject body, Origin origin)
    {
        if (body["enforce_nonce"] is not JsonValue enforce || !enforce.TryGetValue<bool>(out var on) || !on || body["nonce"] is not JsonValue nonce)
        {
            return null;
        }

        // Only the channel's last few minutes matter: walk its messages newest first and stop at the window.
        var since = core.Time.GetUtcNow() - NonceWindow;
        var wanted = nonce.ToJsonString();
        for (var i = channel.Messages.Count - 1; i >= 0 && channel.Messages[i].Timestamp >= since; i--)
        {
            var m = channel.Messages[i];
            if (m.AuthorId == origin.AuthorId && !m.Deleted && m.Nonce is not null && m.Nonce.ToJsonString() == wanted)
            {
                return m;
            }
        }

        return null;
    }

    public static (MessageEntity? Message, IResult? Error) Create(EmulatorCore core, ChannelEntity channel, JsonObject body, Origin origin)
    {
        var state = core.State;
        var content = Str(body["content"]) ?? "";
        var embeds = body["embeds"] as JsonArray ?? [];
        var components = body["components"] as JsonArray ?? [];
        var stickers = body["sticker_ids"] as JsonArray ?? [];
        var poll = body["poll"] as JsonObject;
        if (!origin.AllowEmpty && content.Length == 0 && embeds.Count == 0 && components.Count == 0 && stickers.Count == 0 && poll is null)
        {
            return (null, DiscordError.Reply(400, DiscordError.EmptyMessage, "Cannot send an empty message"));
        }

        if (channel.RecipientId is { } recipient && state.Users.TryGetValue(recipient, out var user) && !user.AcceptsDirectMessages)
        {
            return (null, DiscordError.Forbidden(DiscordError.CannotMessageUser, "Cannot send messages to this user"));
        }

        if (channel.IsThread && channel.Locked)
        {
            return (null, DiscordError.Reply(400, DiscordError.ThreadLocked, "Thread is locked"));
        }

        if (channel.Type is 2 or 4 or 13 or 15 or 16)
        {
            return (null, DiscordError.Reply(400, DiscordError.WrongChannelType, "Cannot send messages in a non-text channel"));
        }

        if (FindByEnforcedNonce(core, channel, body, origin) is { } earlier)
        {
            return (earlier, null);
        }

        var flags = body["flags"] is JsonValue f && f.TryGetValue<long>(out var fl) ? fl : 0;
        ulong? referenced = null;
        JsonObject? reference = null;
        var type = origin.Type;
        if (body["message_reference"] is JsonObject mr && Render.ReadId(mr["message_id"]) is { } refId)
        {
            if (!state.Messages.TryGetValue(refId, out var target) || target.Deleted)
            {
                var failIfNotExists = mr["fail_if_not_exists"] is not JsonValue fv || !fv.TryGetValue<bool>(out var fine) || fine;
                if (failIfNotExists)
                {
                    return (null, DiscordError.Form("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message"));
                }
            }
            else
            {
                referenced = refId;
                reference = new JsonObject { ["type"] = 0, ["message_id"] = Render.Id(refId), ["channel_id"] = Render.Id(target.ChannelId), ["guild_id"] = Render.Id(target.GuildId) };
                if (type == 0)
                {
                    type = 19;
                }
            }
        }

        var now = core.Time.GetUtcNow();
        var message = new MessageEntity
        {
            Id = origin.Id ?? core.Ids.Next(),
            ChannelId = channel.Id,
            GuildId = channel.GuildId,
            AuthorId = origin.AuthorId,
            Type = type,
            Content = content,
            Embeds = (JsonArray)embeds.DeepClone(),
            Components = (JsonArray)components.DeepClone(),
            Attachments = body["attachments"] is JsonArray a ? (JsonArray)a.DeepClone() : [],
            Flags = flags,
            Tts = body["tts"] is JsonValue t && t.TryGetValue<bool>(out var tts) && tts,
            Nonce = body["nonce"]?.DeepClone(),
            Timestamp = now,
            WebhookId = origin.WebhookId,
            ApplicationId = origin.ApplicationId,
            InteractionId = origin.InteractionId,
            InteractionMetadata = origin.InteractionMetadata,
            ReferencedMessageId = referenced,
            MessageReference = reference,
            AllowedMentions = body["allowed_mentions"]?.DeepClone(),
        };
        NormaliseEmbeds(message.Embeds, type == 46 ? "poll_result" : "rich");

        if (poll is not null)
        {
            message.Poll = CreatePoll(poll, now);
        }

        var repliedUser = referenced is { } r && state.Messages.TryGetValue(r, out var rm) ? rm.AuthorId : (ulong?)null;
        message.Mentions = MentionResolver.Resolve(state, channel.GuildId, origin.AuthorId, content, body["allowed_mentions"], origin.DefaultParse, repliedUser, flags);
        Store(core, channel, message);
        return (message, null);
    }

    /// <summary>Adds a message to its channel and dispatches MESSAGE_CREATE (ephemeral ones are not dispatched).</summary>
    public static void Store(EmulatorCore core, ChannelEntity channel, MessageEntity message)
    {
        core.State.Messages[message.Id] = message;
        channel.Messages.Add(message);
        channel.LastMessageId = message.Id;
        if (channel.IsThread)
        {
            channel.MessageCount++;
            channel.Archived = false;
        }

        if ((message.Flags & Ephemeral) == 0)
        {
            DispatchMessage(core, "MESSAGE_CREATE", channel, message);
        }
    }

    public static IResult? Edit(EmulatorCore core, MessageEntity message, JsonObject body, MentionResolver.DefaultParse defaultParse)
    {
        var state = core.State;
        if (message.Poll is not null && (body.ContainsKey("content") || body.ContainsKey("embeds") || body.ContainsKey("poll")))
        {
            return DiscordError.Reply(400, DiscordError.CannotEditPoll, "Cannot edit a poll message");
        }

        if (body.ContainsKey("content"))
        {
            message.Content = Str(body["content"]) ?? "";
        }

        if (body.ContainsKey("embeds"))
        {
            message.Embeds = body["embeds"] is JsonArray e ? (JsonArray)e.DeepClone() : [];
            NormaliseEmbeds(message.Embeds, "rich");
        }

        if (body.ContainsKey("components"))
        {
            message.Components = body["components"] is JsonArray c ? (JsonArray)c.DeepClone() : [];
        }

        if (body.ContainsKey("attachments"))
        {
            message.Attachments = body["attachments"] is JsonArray a ? (JsonArray)a.DeepClone() : [];
        }

        if (body["flags"] is JsonValue f && f.TryGetValue<long>(out var flags))
        {
            // Only SUPPRESS_EMBEDS may be toggled; ephemeral and components-v2 stay as they were.
            message.Flags = (message.Flags & ~(1L << 2) & ~Loading) | (flags & (1L << 2)) | (message.Flags & Ephemeral) | (flags & (1L << 15));
        }
        else
        {
            message.Flags &= ~Loading;
        }

        if (body.ContainsKey("allowed_mentions"))
        {
            message.AllowedMentions = body["allowed_mentions"]?.DeepClone();
        }

        if (message.Content.Length == 0 && message.Embeds.Count == 0 && message.Components.Count == 0 && message.Poll is null && message.Attachments.Count == 0)
        {
            return DiscordError.Reply(400, DiscordError.EmptyMessage, "Cannot send an empty message");
        }

        message.EditedTimestamp = core.Time.GetUtcNow();
        var repliedUser = message.ReferencedMessageId is { } r && state.Messages.TryGetValue(r, out var rm) ? rm.AuthorId : (ulong?)null;
        message.Mentions = MentionResolver.Resolve(state, message.GuildId, message.AuthorId, message.Content, message.AllowedMentions, defaultParse, repliedUser, message.Flags);
        if ((message.Flags & Ephemeral) == 0)
        {
            DispatchMessage(core, "MESSAGE_UPDATE", state.Channels[message.ChannelId], message);
        }

        return null;
    }

    public static void Delete(EmulatorCore core, MessageEntity message)
    {
        message.Deleted = true;
        var channel = core.State.Channels[message.ChannelId];
        channel.Messages.Remove(message);
        core.State.Messages.Remove(message.Id);
        if ((message.Flags & Ephemeral) == 0)
        {
            var d = new JsonObject { ["id"] = Render.Id(message.Id), ["channel_id"] = Render.Id(message.ChannelId) };
            if (message.GuildId is { } g)
            {
                d["guild_id"] = Render.Id(g);
            }

            core.Gateway.Dispatch("MESSAGE_DELETE", d, message.GuildId is null ? Intents.DirectMessages : Intents.GuildMessages, message.GuildId);
        }
    }

    public static void DispatchMessage(EmulatorCore core, string eventName, ChannelEntity channel, MessageEntity message)
    {
        if (!core.Gateway.HasListeners(message.GuildId is null ? Intents.DirectMessages : Intents.GuildMessages))
        {
            return;
        }

        var d = Render.Message(core.State, message);
        if (message.GuildId is { } guildId)
        {
            d["guild_id"] = Render.Id(guildId);
            if (core.State.Guilds.TryGetValue(guildId, out var guild) && guild.Members.TryGetValue(message.AuthorId, out var member))
            {
                d["member"] = Render.Member(core.State, guild, member, withUser: false);
            }
        }

        d["channel_type"] = channel.Type;
        core.Gateway.Dispatch(eventName, d, message.GuildId is null ? Intents.DirectMessages : Intents.GuildMessages, message.GuildId);
    }

    private static PollEntity CreatePoll(JsonObject poll, DateTimeOffset now)
    {
        var answers = new List<(int, JsonObject)>();
        var id = 1;
        foreach (var answer in poll["answers"] as JsonArray ?? [])
        {
            answers.Add((id++, answer?["poll_media"] is JsonObject media ? (JsonObject)media.DeepClone() : []));
        }

        var hours = poll["duration"] is JsonValue d && d.TryGetValue<int>(out var h) ? h : 24;
        return new PollEntity
        {
            Question = poll["question"] is JsonObject q ? (JsonObject)q.DeepClone() : [],
            Answers = answers,
            Expiry = now.AddHours(hours),
            AllowMultiselect = poll["allow_multiselect"] is JsonValue m && m.TryGetValue<bool>(out var multi) && multi,
            LayoutType = poll["layout_type"] is JsonValue l && l.TryGetValue<int>(out var layout) ? layout : 1,
        };
    }

    /// <summary>Discord forces the embed type and fills field.inline.</summary>
    private static void NormaliseEmbeds(JsonArray embeds, string type)
    {
        foreach (var embed in embeds.OfType<JsonObject>())
        {
            embed["type"] = type;
            foreach (var field in embed["fields"] as JsonArray ?? [])
            {
                if (field is JsonObject f && f["inline"] is null)
                {
                    f["inline"] = false;
                }
            }
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
