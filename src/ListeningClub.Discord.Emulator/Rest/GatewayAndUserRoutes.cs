using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>GET /gateway, GET /gateway/bot, GET /users/@me, GET /applications/@me, POST /users/@me/channels.</summary>
public static class GatewayAndUserRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.Add("GET", "/gateway", "get_gateway", "gateway", null, (EmulatorCore core) =>
            DiscordError.Json(new JsonObject { ["url"] = core.GatewayUrl.ToString() }), RouteAuth.None);

        api.Add("GET", "/gateway/bot", "get_bot_gateway", "gateway.bot", null, (EmulatorCore core) =>
            DiscordError.Json(new JsonObject
            {
                ["url"] = core.GatewayUrl.ToString(),
                ["shards"] = core.Gateway.RecommendedShards,
                ["session_start_limit"] = new JsonObject
                {
                    ["total"] = core.Settings.SessionStartLimit,
                    ["remaining"] = Math.Max(0, core.Settings.SessionStartLimit - core.Gateway.IdentifiesUsed),
                    ["reset_after"] = 86_400_000,
                    ["max_concurrency"] = core.Settings.MaxConcurrency,
                },
            }));

        api.Add("GET", "/users/@me", "get_my_user", "users.me", null, (EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                var user = EmulatorState.UserJson(core.State.Users[core.BotUserId]);
                user["verified"] = true;
                user["mfa_enabled"] = false;
                user["locale"] = "en-US";
                user["email"] = null;
                return DiscordError.Json(user);
            }
        });

        api.Add("GET", "/applications/@me", "get_my_application", "applications.me", null, (EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                return DiscordError.Json(new JsonObject
                {
                    ["id"] = Render.Id(core.ApplicationId),
                    ["name"] = core.Settings.BotUsername,
                    ["icon"] = null,
                    ["description"] = "",
                    ["type"] = null,
                    ["bot"] = EmulatorState.UserJson(core.State.Users[core.BotUserId]),
                    ["summary"] = "",
                    ["flags"] = 0,
                    ["verify_key"] = new string('0', 64),
                    ["interactions_endpoint_url"] = null,
                    ["bot_public"] = true,
                    ["bot_require_code_grant"] = false,
                });
            }
        });

        api.Add("POST", "/users/@me/channels", "create_dm", "users.me.channels", null, (HttpContext ctx, EmulatorCore core) =>
        {
            var recipient = Render.ReadId(ctx.Body()?["recipient_id"]);
            lock (core.State.Gate)
            {
                if (recipient is not { } userId || !core.State.Users.TryGetValue(userId, out var recipientUser))
                {
                    return DiscordError.Form("recipient_id", "BASE_TYPE_REQUIRED", "Unknown user");
                }

                if (!core.State.DmChannelByUser.TryGetValue(userId, out var channelId))
                {
                    channelId = core.Ids.Next();
                    core.State.Channels[channelId] = new ChannelEntity { Id = channelId, Type = 1, RecipientId = userId };
                    core.State.DmChannelByUser[userId] = channelId;
                }

                var channel = core.State.Channels[channelId];
                var json = Render.Channel(channel);
                json["recipients"] = new JsonArray(EmulatorState.UserJson(recipientUser));
                return DiscordError.Json(json);
            }
        });
    }
}
