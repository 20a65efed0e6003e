using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Interactions;

/// <summary>
/// What Discord adds to a command's options before delivering them: each option's type from the registered command
/// (a test may send a channel id as a plain string), and <c>resolved</c> entries for the users, members, roles and
/// channels the options name. Like Discord, it resolves only what exists in the interaction's guild; an id of another
/// guild or of nothing stays unresolved (real clients can't send those; the control API can, to test the bot's checks).
/// Call under the state lock.
/// </summary>
public static class OptionResolution
{
    private const int User = 6;
    private const int Channel = 7;
    private const int Role = 8;
    private const int Mentionable = 9;

    public static void Apply(EmulatorState state, GuildEntity? guild, ulong userId, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(data);
        var name = data["name"]?.GetValue<string>();
        var command = guild is not null && state.GuildCommands.TryGetValue(guild.Id, out var scoped) ? Find(scoped.Values, name) : null;
        command ??= Find(state.GlobalCommands.Values, name);
        if (command is null || data["options"] is not JsonArray options)
        {
            return;
        }

        var resolved = new Resolved();
        Walk(state, guild, userId, command.Body["options"] as JsonArray, options, resolved);
        if (resolved.Any)
        {
            data["resolved"] = resolved.ToJson();
        }
    }

    private static CommandEntity? Find(IEnumerable<CommandEntity> commands, string? name) =>
        commands.FirstOrDefault(c => c.Type == 1 && c.Name == name);

    private static void Walk(EmulatorState state, GuildEntity? guild, ulong userId, JsonArray? declared, JsonArray given, Resolved resolved)
    {
        foreach (var option in given.OfType<JsonObject>())
        {
            var declaration = declared?.OfType<JsonObject>().FirstOrDefault(d => d["name"]?.GetValue<string>() == option["name"]?.GetValue<string>());
            if (declaration is null)
            {
                continue;
            }

            var type = declaration["type"]!.GetValue<int>();
            option["type"] = type;
            if (option["options"] is JsonArray nested)
            {
                Walk(state, guild, userId, declaration["options"] as JsonArray, nested, resolved);
                continue;
            }

            if (type is User or Channel or Role or Mentionable && guild is not null && Render.ReadId(option["value"]) is { } id)
            {
                Resolve(state, guild, userId, type, id, resolved);
            }
        }
    }

    private static void Resolve(EmulatorState state, GuildEntity guild, ulong userId, int type, ulong id, Resolved resolved)
    {
        if (type is User or Mentionable && state.Users.TryGetValue(id, out var user))
        {
            resolved.Users[Render.Id(id)] = EmulatorState.UserJson(user);
            if (guild.Members.TryGetValue(id, out var member))
            {
                var json = Render.Member(state, guild, member, withUser: false);
                json.Remove("deaf");
                json.Remove("mute");
                json["permissions"] = EmulatorState.ComputePermissions(guild, id).ToString(CultureInfo.InvariantCulture);
                resolved.Members[Render.Id(id)] = json;
            }
        }

        if (type is Role or Mentionable && Render.RolesOf(state, guild).FirstOrDefault(r => r["id"]!.GetValue<string>() == Render.Id(id)) is { } role)
        {
            resolved.Roles[Render.Id(id)] = role;
        }

        if (type == Channel && state.Channels.TryGetValue(id, out var channel) && channel.GuildId == guild.Id)
        {
            var json = new JsonObject
            {
                ["id"] = Render.Id(channel.Id),
                ["name"] = channel.Name,
                ["type"] = channel.Type,
                ["permissions"] = state.ComputeChannelPermissions(guild, channel, userId).ToString(CultureInfo.InvariantCulture),
            };
            if (channel.IsThread)
            {
                var full = Render.Channel(channel);
                json["parent_id"] = full["parent_id"]?.DeepClone();
                json["thread_metadata"] = full["thread_metadata"]?.DeepClone();
            }

            resolved.Channels[Render.Id(id)] = json;
        }
    }

    private sealed class Resolved
    {
        public JsonObject Users { get; } = [];
        public JsonObject Members { get; } = [];
        public JsonObject Roles { get; } = [];
        public JsonObject Channels { get; } = [];

        public bool Any => Users.Count + Members.Count + Roles.Count + Channels.Count > 0;

        public JsonObject ToJson()
        {
            var json = new JsonObject();
            foreach (var (key, map) in new[] { ("users", Users), ("members", Members), ("roles", Roles), ("channels", Channels) })
            {
                if (map.Count > 0)
                {
                    json[key] = map;
                }
            }

            return json;
        }
    }
}
