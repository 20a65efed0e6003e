using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Gateway;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>Guild scheduled events: list, create, get, modify (status moves), delete, subscribers.</summary>
public static class ScheduledEventRoutes
{
    private const string Base = "/guilds/{guild_id}/scheduled-events";

    public static void Map(RouteGroupBuilder api)
    {
        api.Add("GET", Base, "list_guild_scheduled_events", "events.list", "guild_id", (string guild_id, HttpContext ctx, EmulatorCore core) =>
        {
            var withCount = IsTrue(ctx.Request.Query["with_user_count"]);
            lock (core.State.Gate)
            {
                if (!TryGuild(core, guild_id, out var guild))
                {
                    return DiscordError.UnknownGuildReply();
                }

                return DiscordError.Json(new JsonArray(guild.ScheduledEventIds.Select(e => (JsonNode)Render.ScheduledEvent(core.State, core.State.ScheduledEvents[e], withCount)).ToArray()));
            }
        });

        api.Add("POST", Base, "create_guild_scheduled_event", "events.create", "guild_id", (string guild_id, HttpContext ctx, EmulatorCore core) =>
        {
            var body = ctx.Body() as JsonObject ?? [];
            lock (core.State.Gate)
            {
                if (!TryGuild(core, guild_id, out var guild))
                {
                    return DiscordError.UnknownGuildReply();
                }

                var perms = EmulatorState.ComputePermissions(guild, core.BotUserId);
                if ((perms & (Permissions.CreateEvents | Permissions.ManageEvents)) == 0)
                {
                    return DiscordError.Forbidden(DiscordError.MissingPermissions, "Missing Permissions");
                }

                var active = guild.ScheduledEventIds.Count(id => Status(core.State.ScheduledEvents[id].Body) is 1 or 2);
                if (active >= 100)
                {
                    return DiscordError.Reply(400, 30038, "Maximum number of guild scheduled events reached (100)");
                }

                var merged = new JsonObject
                {
                    ["channel_id"] = null,
                    ["description"] = null,
                    ["scheduled_end_time"] = null,
                    ["entity_metadata"] = null,
                    ["entity_id"] = null,
                    ["image"] = null,
                    ["recurrence_rule"] = null,
                };
                foreach (var (k, v) in body)
                {
                    merged[k] = v?.DeepClone();
                }

                merged["status"] = 1;
                if (Validate(core, guild, merged) is { } error)
                {
                    return error;
                }

                var e = new ScheduledEventEntity { Id = core.Ids.Next(), GuildId = guild.Id, CreatorId = core.BotUserId, Body = merged };
                core.State.ScheduledEvents[e.Id] = e;
                guild.ScheduledEventIds.Add(e.Id);
                core.Gateway.Dispatch("GUILD_SCHEDULED_EVENT_CREATE", Render.ScheduledEvent(core.State, e, false), Intents.GuildScheduledEvents, guild.Id);
                return DiscordError.Json(Render.ScheduledEvent(core.State, e, false));
            }
        });

        api.Add("GET", Base + "/{event_id}", "get_guild_scheduled_event", "events.get", "guild_id", (string guild_id, string event_id, HttpContext ctx, EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                if (!TryGuild(core, guild_id, out var guild))
                {
                    return DiscordError.UnknownGuildReply();
                }

                return TryEvent(core, guild, event_id, out var e)
                    ? DiscordError.Json(Render.ScheduledEvent(core.State, e, IsTrue(ctx.Request.Query["with_user_count"])))
                    : DiscordError.NotFound(DiscordError.UnknownScheduledEvent, "Unknown Guild Scheduled Event");
            }
        });

        api.Add("PATCH", Base + "/{event_id}", "update_guild_scheduled_event", "events.modify", "guild_id", (string guild_id, string event_id, HttpContext ctx, EmulatorCore core) =>
        {
            var body = ctx.Body() as JsonObject ?? [];
            lock (core.State.Gate)
            {
                if (!TryGuild(core, guild_id, out var guild))
                {
                    return DiscordError.UnknownGuildReply();
                }

                if (!TryEvent(core, guild, event_id, out var e))
                {
                    return DiscordError.NotFound(DiscordError.UnknownScheduledEvent, "Unknown Guild Scheduled Event");
                }

                var from = Status(e.Body);
                var merged = (JsonObject)e.Body.DeepClone();
                foreach (var (k, v) in body)
                {
                    merged[k] = v?.DeepClone();
                }

                if (body.ContainsKey("entity_type") && Int(merged["entity_type"]) == 3 && !body.ContainsKey("channel_id"))
                {
                    merged["channel_id"] = null;
                }

                var to = Status(merged);
                if (to != from)
                {
                    var allowed = (from, to) is (1, 2) or (2, 3) or (1, 4);
                    if (!allowed)
                    {
                        return DiscordError.Form("status", "GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION", $"Cannot change status from {from} to {to}.");
                    }
                }
                else if (from is 3 or 4)
                {
                    return DiscordError.Form("status", "GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION", "The event has ended and can no longer be modified.");
                }

                if (Validate(core, guild, merged) is { } error)
                {
                    return error;
                }

                e.Body = merged;
                core.Gateway.Dispatch("GUILD_SCHEDULED_EVENT_UPDATE", Render.ScheduledEvent(core.State, e, false), Intents.GuildScheduledEvents, guild.Id);
                return DiscordError.Json(Render.ScheduledEvent(core.State, e, false));
            }
        });

        api.Add("DELETE", Base + "/{event_id}", "delete_guild_scheduled_event", "events.delete", "guild_id", (string guild_id, string event_id, EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                if (!TryGuild(core, guild_id, out var guild))
                {
                    return DiscordError.UnknownGuildReply();
                }

                if (!TryEvent(core, guild, event_id, out var e))
                {
                    return DiscordError.NotFound(DiscordError.UnknownScheduledEvent, "Unknown Guild Scheduled Event");
                }

                core.State.ScheduledEvents.Remove(e.Id);
                guild.ScheduledEventIds.Remove(e.Id);
                core.Gateway.Dispatch("GUILD_SCHEDULED_EVENT_DELETE", Render.ScheduledEvent(core.State, e, false), Intents.GuildScheduledEvents, guild.Id);
                return DiscordError.NoContent();
            }
        });

        api.Add("GET", Base + "/{event_id}/users", "list_guild_scheduled_event_users", "events.users", "guild_id", (string guild_id, string event_id, HttpContext ctx, EmulatorCore core) =>
        {
            var q = ctx.Request.Query;
            var limit = int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 100;
            lock (core.State.Gate)
            {
                if (!TryGuild(core, guild_id, out var guild))
                {
                    return DiscordError.UnknownGuildReply();
                }

                if (!TryEvent(core, guild, event_id, out var e))
                {
                    return DiscordError.NotFound(DiscordError.UnknownScheduledEvent, "Unknown Guild Scheduled Event");
                }

                IEnumerable<ulong> users = e.Subscribers.Order();
                if (Render.TryParseId(q["before"], out var before))
                {
                    users = users.Where(u => u < before).TakeLast(limit);
                }
                else if (Render.TryParseId(q["after"], out var after))
                {
                    users = users.Where(u => u > after).Take(limit);
                }
                else
                {
                    users = users.Take(limit);
                }

                return DiscordError.Json(new JsonArray(users.Select(u => (JsonNode)new JsonObject
                {
                    ["guild_scheduled_event_id"] = Render.Id(e.Id),
                    ["user"] = core.State.Users.TryGetValue(u, out var user) ? EmulatorState.UserJson(user) : new JsonObject { ["id"] = Render.Id(u) },
                }).ToArray()));
            }
        });
    }

    private static IResult? Validate(EmulatorCore core, GuildEntity guild, JsonObject e)
    {
        var type = Int(e["entity_type"]);
        var errors = new FormErrors();
        if (type == 3)
        {
            if (e["channel_id"] is not null)
            {
                errors.Add("channel_id", "GUILD_SCHEDULED_EVENT_CHANNEL_ID_INVALID", "channel_id must be null for EXTERNAL events");
            }

            var location = e["entity_metadata"]?["location"] is JsonValue lv && lv.TryGetValue<string>(out var loc) ? loc : null;
            if (string.IsNullOrEmpty(location) || location.Length > 100)
            {
                errors.Add("entity_metadata.location", "BASE_TYPE_REQUIRED", "This field is required");
            }

            if (e["scheduled_end_time"] is null)
            {
                errors.Add("scheduled_end_time", "BASE_TYPE_REQUIRED", "This field is required");
            }
        }
        else if (type is 1 or 2)
        {
            if (Render.ReadId(e["channel_id"]) is not { } channelId || !core.State.Channels.TryGetValue(channelId, out var channel) || channel.GuildId != guild.Id)
            {
                errors.Add("channel_id", "BASE_TYPE_REQUIRED", "This field is required");
            }
            else if ((type == 1 && channel.Type != 13) || (type == 2 && channel.Type != 2))
            {
                errors.Add("channel_id", "GUILD_SCHEDULED_EVENT_CHANNEL_TYPE_INVALID", "Channel type does not match the entity type");
            }

            if (e["entity_metadata"] is JsonObject { Count: > 0 })
            {
                errors.Add("entity_metadata", "GUILD_SCHEDULED_EVENT_ENTITY_METADATA_INVALID", "entity_metadata must be null for stage and voice events");
            }
        }
        else
        {
            errors.Add("entity_type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}.");
        }

        if (e["privacy_level"] is JsonNode p && Int(p) != 2)
        {
            errors.Add("privacy_level", "BASE_TYPE_CHOICES", "Value must be one of {2}.");
        }

        var start = Time(e["scheduled_start_time"]);
        var end = Time(e["scheduled_end_time"]);
        if (start is null)
        {
            errors.Add("scheduled_start_time", "BASE_TYPE_REQUIRED", "This field is required");
        }
        else if (end is not null && end <= start)
        {
            errors.Add("scheduled_end_time", "GUILD_SCHEDULED_EVENT_END_BEFORE_START", "The end time must be after the start time.");
        }

        return errors.Any ? DiscordError.Form(errors) : null;
    }

    private static int Status(JsonObject e) => Int(e["status"]);

    private static int Int(JsonNode? n) => n is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0;

    private static DateTimeOffset? Time(JsonNode? n) =>
        n is JsonValue v && v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static bool IsTrue(string? value) => value is "true" or "True" or "1";

    private static bool TryGuild(EmulatorCore core, string text, out GuildEntity guild)
    {
        guild = null!;
        return Render.TryParseId(text, out var id) && core.State.Guilds.TryGetValue(id, out guild!);
    }

    private static bool TryEvent(EmulatorCore core, GuildEntity guild, string text, out ScheduledEventEntity e)
    {
        e = null!;
        return Render.TryParseId(text, out var id) && core.State.ScheduledEvents.TryGetValue(id, out e!) && e.GuildId == guild.Id;
    }
}
