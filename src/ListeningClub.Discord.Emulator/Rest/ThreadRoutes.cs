using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Gateway;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.Mentions;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>Threads from a message, threads without one, and forum/media posts.</summary>
public static class ThreadRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.Add("POST", "/channels/{channel_id}/messages/{message_id}/threads", "create_thread_from_message", "threads.create", "channel_id", (string channel_id, string message_id, HttpContext ctx, EmulatorCore core) =>
        {
            var body = ctx.Body() as JsonObject ?? [];
            lock (core.State.Gate)
            {
                if (!MessageRoutes.TryChannel(core, channel_id, out var parent))
                {
                    return DiscordError.UnknownChannelReply();
                }

                if (!MessageRoutes.TryMessage(core, parent, message_id, out var message))
                {
                    return DiscordError.UnknownMessageReply();
                }

                if (parent.Type is not (0 or 5))
                {
                    return DiscordError.Reply(400, DiscordError.WrongChannelType, "Cannot execute action on this channel type");
                }

                if (message.ThreadId is not null || core.State.Channels.ContainsKey(message.Id))
                {
                    return DiscordError.Reply(400, DiscordError.ThreadAlreadyCreated, "A thread has already been created for this message");
                }

                if (!MessageRoutes.BotHas(core, parent, Permissions.CreatePublicThreads))
                {
                    return DiscordError.Forbidden(DiscordError.MissingPermissions, "Missing Permissions");
                }

                var thread = NewThread(core, parent, message.Id, parent.Type == 5 ? 10 : 11, body);
                message.ThreadId = thread.Id;
                DispatchThreadCreate(core, thread);
                MessageService.DispatchMessage(core, "MESSAGE_UPDATE", parent, message);
                return DiscordError.Json(Render.Channel(thread), 201);
            }
        });

        api.Add("POST", "/channels/{channel_id}/threads", "create_thread", "threads.create", "channel_id", (string channel_id, HttpContext ctx, EmulatorCore core) =>
        {
            var body = ctx.Body() as JsonObject ?? [];
            lock (core.State.Gate)
            {
                if (!MessageRoutes.TryChannel(core, channel_id, out var parent))
                {
                    return DiscordError.UnknownChannelReply();
                }

                if (parent.Type is 15 or 16)
                {
                    if (body["message"] is not JsonObject starter)
                    {
                        return DiscordError.Form("message", "BASE_TYPE_REQUIRED", "This field is required");
                    }

                    if (!MessageRoutes.BotHas(core, parent, Permissions.SendMessages))
                    {
                        return DiscordError.Forbidden(DiscordError.MissingPermissions, "Missing Permissions");
                    }

                    if (MessageService.IsEmpty(starter))
                    {
                        return DiscordError.Reply(400, DiscordError.EmptyMessage, "Cannot send an empty message");
                    }

                    var id = core.Ids.Next();
                    var post = NewThread(core, parent, id, 11, body);
                    foreach (var tag in body["applied_tags"] as JsonArray ?? [])
                    {
                        if (Render.ReadId(tag) is { } t)
                        {
                            post.AppliedTags.Add(t);
                        }
                    }

                    DispatchThreadCreate(core, post);

                    // The starter message of a forum post has the thread's id.
                    var (first, error) = MessageService.Create(core, post, starter, new MessageService.Origin(core.BotUserId, 0, MentionResolver.DefaultParse.Everything, Id: id));
                    if (error is not null)
                    {
                        return error;
                    }

                    var json = Render.Channel(post);
                    json["message"] = Render.Message(core.State, first!);
                    return DiscordError.Json(json, 201);
                }

                if (parent.Type is not (0 or 5))
                {
                    return DiscordError.Reply(400, DiscordError.WrongChannelType, "Cannot execute action on this channel type");
                }

                // Docs: type defaults to PRIVATE_THREAD (12).
                var type = body["type"] is JsonValue tv && tv.TryGetValue<int>(out var ty) ? ty : 12;
                if (type is not (10 or 11 or 12))
                {
                    return DiscordError.Form("type", "BASE_TYPE_CHOICES", "Value must be one of {10, 11, 12}.");
                }

                if (!MessageRoutes.BotHas(core, parent, type == 12 ? Permissions.CreatePrivateThreads : Permissions.CreatePublicThreads))
                {
                    return DiscordError.Forbidden(DiscordError.MissingPermissions, "Missing Permissions");
                }

                var thread = NewThread(core, parent, core.Ids.Next(), type, body);
                DispatchThreadCreate(core, thread);
                return DiscordError.Json(Render.Channel(thread), 201);
            }
        });
    }

    private static ChannelEntity NewThread(EmulatorCore core, ChannelEntity parent, ulong id, int type, JsonObject body)
    {
        var thread = new ChannelEntity
        {
            Id = id,
            GuildId = parent.GuildId,
            Name = body["name"]?.GetValue<string>() ?? "thread",
            Type = type,
            ParentId = parent.Id,
            OwnerId = core.BotUserId,
            CreatedAt = core.Time.GetUtcNow(),
            AutoArchiveDuration = body["auto_archive_duration"] is JsonValue a && a.TryGetValue<int>(out var minutes) ? minutes : 4320,
            RateLimitPerUser = body["rate_limit_per_user"] is JsonValue r && r.TryGetValue<int>(out var slow) ? slow : 0,
            Invitable = type == 12 ? (body["invitable"] is JsonValue i && i.TryGetValue<bool>(out var inv) ? inv : true) : null,
        };
        core.State.Channels[id] = thread;
        if (parent.GuildId is { } guildId && core.State.Guilds.TryGetValue(guildId, out var guild))
        {
            guild.ChannelIds.Add(id);
        }

        return thread;
    }

    private static void DispatchThreadCreate(EmulatorCore core, ChannelEntity thread)
    {
        var d = Render.Channel(thread);
        d["newly_created"] = true;
        core.Gateway.Dispatch("THREAD_CREATE", d, Intents.Guilds, thread.GuildId);
    }
}
