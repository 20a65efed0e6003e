using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.Mentions;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>Channel messages: create, get, list, edit, delete.</summary>
public static class MessageRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.Add("POST", "/channels/{channel_id}/messages", "create_message", "messages.create", "channel_id", (string channel_id, HttpContext ctx, EmulatorCore core) =>
        {
            var body = ctx.Body() as JsonObject ?? [];
            lock (core.State.Gate)
            {
                if (!TryChannel(core, channel_id, out var channel))
                {
                    return DiscordError.UnknownChannelReply();
                }

                var needed = channel.IsThread ? Permissions.SendMessagesInThreads : Permissions.SendMessages;
                if (body.ContainsKey("poll"))
                {
                    needed |= Permissions.SendPolls;
                }

                if (!BotHas(core, channel, Permissions.ViewChannel))
                {
                    return DiscordError.MissingAccessReply();
                }

                if (!BotHas(core, channel, needed))
                {
                    return DiscordError.Forbidden(DiscordError.MissingPermissions, "Missing Permissions");
                }

                var (message, error) = MessageService.Create(core, channel, body, new MessageService.Origin(core.BotUserId, 0, MentionResolver.DefaultParse.Everything));
                return error ?? DiscordError.Json(Render.Message(core.State, message!));
            }
        });

        api.Add("GET", "/channels/{channel_id}/messages/{message_id}", "get_message", "messages.get", "channel_id", (string channel_id, string message_id, EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                if (!TryChannel(core, channel_id, out var channel))
                {
                    return DiscordError.UnknownChannelReply();
                }

                PollRoutes.FinishExpired(core, channel);
                return TryMessage(core, channel, message_id, out var message)
                    ? DiscordError.Json(Render.Message(core.State, message))
                    : DiscordError.UnknownMessageReply();
            }
        });

        api.Add("GET", "/channels/{channel_id}/messages", "list_messages", "messages.list", "channel_id", (string channel_id, HttpContext ctx, EmulatorCore core) =>
        {
            var q = ctx.Request.Query;
            var limit = int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 50;
            if (limit is < 1 or > 100)
            {
                return DiscordError.Form("limit", "NUMBER_TYPE_MAX", "int value should be less than or equal to 100.");
            }

            lock (core.State.Gate)
            {
                if (!TryChannel(core, channel_id, out var channel))
                {
                    return DiscordError.UnknownChannelReply();
                }

                PollRoutes.FinishExpired(core, channel);
                IEnumerable<MessageEntity> visible = channel.Messages.Where(m => (m.Flags & MessageService.Ephemeral) == 0);
                if (Render.TryParseId(q["before"], out var before))
                {
                    visible = visible.Where(m => m.Id < before).Reverse().Take(limit);
                }
                else if (Render.TryParseId(q["after"], out var after))
                {
                    visible = visible.Where(m => m.Id > after).Take(limit).Reverse();
                }
                else if (Render.TryParseId(q["around"], out var around))
                {
                    var list = visible.ToList();
                    var older = list.Where(m => m.Id <= around).Reverse().Take((limit + 1) / 2);
                    var newer = list.Where(m => m.Id > around).Take(limit / 2).Reverse();
                    visible = newer.Concat(older);
                }
                else
                {
                    visible = visible.Reverse().Take(limit);
                }

                return DiscordError.Json(new JsonArray(visible.Select(m => (JsonNode)Render.Message(core.State, m)).ToArray()));
            }
        });

        api.Add("PATCH", "/channels/{channel_id}/messages/{message_id}", "update_message", "messages.modify", "channel_id", (string channel_id, string message_id, HttpContext ctx, EmulatorCore core) =>
        {
            var body = ctx.Body() as JsonObject ?? [];
            lock (core.State.Gate)
            {
                if (!TryChannel(core, channel_id, out var channel))
                {
                    return DiscordError.UnknownChannelReply();
                }

                if (!TryMessage(core, channel, message_id, out var message))
                {
                    return DiscordError.UnknownMessageReply();
                }

                if (message.AuthorId != core.BotUserId || message.WebhookId is not null)
                {
                    return DiscordError.Forbidden(50005, "Cannot edit a message authored by another user");
                }

                return MessageService.Edit(core, message, body, MentionResolver.DefaultParse.Everything)
                    ?? DiscordError.Json(Render.Message(core.State, message));
            }
        });

        api.Add("DELETE", "/channels/{channel_id}/messages/{message_id}", "delete_message", "messages.delete", "channel_id", (string channel_id, string message_id, EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                if (!TryChannel(core, channel_id, out var channel))
                {
                    return DiscordError.UnknownChannelReply();
                }

                if (!TryMessage(core, channel, message_id, out var message))
                {
                    return DiscordError.UnknownMessageReply();
                }

                if (message.AuthorId != core.BotUserId && !BotHas(core, channel, Permissions.ManageMessages))
                {
                    return DiscordError.Forbidden(DiscordError.MissingPermissions, "Missing Permissions");
                }

                MessageService.Delete(core, message);
                return DiscordError.NoContent();
            }
        });
    }

    internal static bool TryChannel(EmulatorCore core, string text, out ChannelEntity channel)
    {
        channel = null!;
        return Render.TryParseId(text, out var id) && core.State.Channels.TryGetValue(id, out channel!);
    }

    internal static bool TryMessage(EmulatorCore core, ChannelEntity channel, string text, out MessageEntity message)
    {
        message = null!;
        return Render.TryParseId(text, out var id) && core.State.Messages.TryGetValue(id, out message!) && message.ChannelId == channel.Id && !message.Deleted;
    }

    /// <summary>Whether the bot has all <paramref name="bits"/> in the channel, overwrites included (DMs: always).</summary>
    internal static bool BotHas(EmulatorCore core, ChannelEntity channel, ulong bits) =>
        (core.State.PermissionsIn(channel, core.BotUserId) & bits) == bits;
}
