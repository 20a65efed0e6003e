using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>
/// GET /channels/{id} (404 10003 unknown; 403 50001 when the bot lacks View Channel there; another guild's channel comes
/// back with its guild_id, as Discord answers for any guild the bot is in), GET /guilds/{id}, GET /guilds/{id}/channels,
/// GET /guilds/{id}/members/{user_id}.
/// </summary>
public static class ChannelRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.Add("GET", "/channels/{channel_id}", "get_channel", "channels.get", "channel_id", (string channel_id, EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                if (!Render.TryParseId(channel_id, out var id) || !core.State.Channels.TryGetValue(id, out var channel))
                {
                    return DiscordError.UnknownChannelReply();
                }

                if ((core.State.PermissionsIn(channel, core.BotUserId) & Permissions.ViewChannel) == 0)
                {
                    return DiscordError.MissingAccessReply();
                }

                var json = Render.Channel(channel);
                if (channel.RecipientId is { } r && core.State.Users.TryGetValue(r, out var user))
                {
                    json["recipients"] = new JsonArray(EmulatorState.UserJson(user));
                }

                return DiscordError.Json(json);
            }
        });

        api.Add("GET", "/guilds/{guild_id}", "get_guild", "guilds.get", "guild_id", (string guild_id, EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                return Render.TryParseId(guild_id, out var id) && core.State.Guilds.TryGetValue(id, out var guild)
                    ? DiscordError.Json(Render.Guild(core.State, guild, full: false))
                    : DiscordError.UnknownGuildReply();
            }
        });

        api.Add("GET", "/guilds/{guild_id}/channels", "list_guild_channels", "guilds.channels", "guild_id", (string guild_id, EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                if (!Render.TryParseId(guild_id, out var id) || !core.State.Guilds.TryGetValue(id, out var guild))
                {
                    return DiscordError.UnknownGuildReply();
                }

                var channels = guild.ChannelIds.Select(c => core.State.Channels[c]).Where(c => !c.IsThread).Select(c => (JsonNode)Render.Channel(c)).ToArray();
                return DiscordError.Json(new JsonArray(channels));
            }
        });

        api.Add("GET", "/guilds/{guild_id}/members/{user_id}", "get_guild_member", "guilds.members", "guild_id", (string guild_id, string user_id, EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                if (!Render.TryParseId(guild_id, out var id) || !core.State.Guilds.TryGetValue(id, out var guild))
                {
                    return DiscordError.UnknownGuildReply();
                }

                return Render.TryParseId(user_id, out var uid) && guild.Members.TryGetValue(uid, out var member)
                    ? DiscordError.Json(Render.Member(core.State, guild, member))
                    : DiscordError.NotFound(10007, "Unknown Member");
            }
        });
    }
}
