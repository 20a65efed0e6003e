using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>Application commands, global and per guild: list, get, create (upsert by name), bulk overwrite, delete.</summary>
public static class CommandRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        foreach (var guildScoped in new[] { false, true })
        {
            var prefix = guildScoped ? "/applications/{application_id}/guilds/{guild_id}/commands" : "/applications/{application_id}/commands";
            var ops = guildScoped ? "guild_application_command" : "application_command";
            var major = guildScoped ? "guild_id" : "application_id";

            api.Add("GET", prefix, $"list_{ops}s", "commands.list", major, (HttpContext ctx, EmulatorCore core) =>
            {
                lock (core.State.Gate)
                {
                    return Scope(ctx, core, guildScoped, out var scope, out var error) is false ? error!
                        : DiscordError.Json(new JsonArray(scope!.Values.OrderBy(c => c.Id).Select(c => (JsonNode)Render.Command(c, core.ApplicationId)).ToArray()));
                }
            });

            api.Add("GET", prefix + "/{command_id}", $"get_{ops}", "commands.get", major, (HttpContext ctx, string command_id, EmulatorCore core) =>
            {
                lock (core.State.Gate)
                {
                    if (!Scope(ctx, core, guildScoped, out var scope, out var error))
                    {
                        return error!;
                    }

                    return Render.TryParseId(command_id, out var id) && scope!.TryGetValue(id, out var command)
                        ? DiscordError.Json(Render.Command(command, core.ApplicationId))
                        : DiscordError.NotFound(DiscordError.UnknownCommand, "Unknown application command");
                }
            });

            api.Add("DELETE", prefix + "/{command_id}", $"delete_{ops}", "commands.delete", major, (HttpContext ctx, string command_id, EmulatorCore core) =>
            {
                lock (core.State.Gate)
                {
                    if (!Scope(ctx, core, guildScoped, out var scope, out var error))
                    {
                        return error!;
                    }

                    return Render.TryParseId(command_id, out var id) && scope!.Remove(id)
                        ? DiscordError.NoContent()
                        : DiscordError.NotFound(DiscordError.UnknownCommand, "Unknown application command");
                }
            });

            api.Add("POST", prefix, $"create_{ops}", "commands.create", major, (HttpContext ctx, EmulatorCore core) =>
            {
                var body = ctx.Body() as JsonObject ?? [];
                lock (core.State.Gate)
                {
                    if (!Scope(ctx, core, guildScoped, out var scope, out var error))
                    {
                        return error!;
                    }

                    var name = body["name"]?.GetValue<string>() ?? "";
                    var type = body["type"] is JsonValue t && t.TryGetValue<int>(out var ty) ? ty : 1;
                    var existing = scope!.Values.FirstOrDefault(c => c.Name == name && c.Type == type);
                    if (existing is not null)
                    {
                        existing.Body = Clean(body);
                        existing.Version = core.Ids.Next();
                        return DiscordError.Json(Render.Command(existing, core.ApplicationId));
                    }

                    if (scope.Values.Count(c => c.Type == type) >= (type == 1 ? 100 : 15))
                    {
                        return DiscordError.Reply(400, DiscordError.MaxCommands, "Maximum number of application commands reached");
                    }

                    if (guildScoped && ++core.State.CommandCreatesToday > 200)
                    {
                        return DiscordError.Reply(400, DiscordError.DailyCommandCreates, "Max number of daily application command creates has been reached (200)");
                    }

                    var command = New(core, body, GuildOf(ctx, guildScoped));
                    scope[command.Id] = command;
                    return DiscordError.Json(Render.Command(command, core.ApplicationId), 201);
                }
            });

            api.Add("PUT", prefix, $"bulk_set_{ops}s", "commands.bulk", major, (HttpContext ctx, EmulatorCore core) =>
            {
                if (ctx.Body() is not JsonArray list)
                {
                    return DiscordError.Form("", "LIST_TYPE_CONVERT", "Must be an array.");
                }

                lock (core.State.Gate)
                {
                    if (!Scope(ctx, core, guildScoped, out var scope, out var error))
                    {
                        return error!;
                    }

                    var next = new Dictionary<ulong, CommandEntity>();
                    var guildId = GuildOf(ctx, guildScoped);
                    foreach (var item in list.OfType<JsonObject>())
                    {
                        var name = item["name"]?.GetValue<string>() ?? "";
                        var type = item["type"] is JsonValue t && t.TryGetValue<int>(out var ty) ? ty : 1;

                        // Bulk overwrite keeps the id of a command with the same name and type.
                        var existing = scope!.Values.FirstOrDefault(c => c.Name == name && c.Type == type);
                        if (existing is not null)
                        {
                            existing.Body = Clean(item);
                            existing.Version = core.Ids.Next();
                            next[existing.Id] = existing;
                        }
                        else
                        {
                            if (guildScoped && ++core.State.CommandCreatesToday > 200)
                            {
                                return DiscordError.Reply(400, DiscordError.DailyCommandCreates, "Max number of daily application command creates has been reached (200)");
                            }

                            var command = New(core, item, guildId);
                            next[command.Id] = command;
                        }
                    }

                    scope!.Clear();
                    foreach (var (id, c) in next)
                    {
                        scope[id] = c;
                    }

                    return DiscordError.Json(new JsonArray(scope.Values.OrderBy(c => c.Id).Select(c => (JsonNode)Render.Command(c, core.ApplicationId)).ToArray()));
                }
            });
        }
    }

    private static CommandEntity New(EmulatorCore core, JsonObject body, ulong? guildId)
    {
        var id = core.Ids.Next();
        return new CommandEntity { Id = id, GuildId = guildId, Version = id, Body = Clean(body) };
    }

    private static JsonObject Clean(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove("id");
        copy.Remove("application_id");
        copy.Remove("version");
        copy.Remove("guild_id");
        return copy;
    }

    private static ulong? GuildOf(HttpContext ctx, bool guildScoped) =>
        guildScoped && Render.TryParseId(ctx.Request.RouteValues["guild_id"]?.ToString(), out var g) ? g : null;

    private static bool Scope(HttpContext ctx, EmulatorCore core, bool guildScoped, out Dictionary<ulong, CommandEntity>? scope, out IResult? error)
    {
        scope = null;
        error = null;
        if (!Render.TryParseId(ctx.Request.RouteValues["application_id"]?.ToString(), out var appId) || appId != core.ApplicationId)
        {
            error = DiscordError.Forbidden(DiscordError.MissingAccess, "Missing Access");
            return false;
        }

        if (!guildScoped)
        {
            scope = core.State.GlobalCommands;
            return true;
        }

        if (!Render.TryParseId(ctx.Request.RouteValues["guild_id"]?.ToString(), out var guildId) || !core.State.Guilds.ContainsKey(guildId))
        {
            error = DiscordError.UnknownGuildReply();
            return false;
        }

        if (!core.State.GuildCommands.TryGetValue(guildId, out scope))
        {
            scope = [];
            core.State.GuildCommands[guildId] = scope;
        }

        return true;
    }
}
