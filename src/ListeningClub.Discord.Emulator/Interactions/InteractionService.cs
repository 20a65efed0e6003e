using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Interactions;

/// <summary>Builds interactions as Discord sends them and delivers them as INTERACTION_CREATE.</summary>
public static class InteractionService
{
    /// <summary>What a test asks for (control API: POST /_emulator/interactions).</summary>
    public sealed record Request(ulong? GuildId, ulong ChannelId, ulong UserId, int Type, JsonNode? Data, ulong? MessageId, string? Locale);

    public static (InteractionEntity? Interaction, string? Error) Deliver(EmulatorCore core, Request request)
    {
        var state = core.State;
        InteractionEntity interaction;
        lock (state.Gate)
        {
            if (!state.Channels.TryGetValue(request.ChannelId, out var channel))
            {
                return (null, "unknown channel_id");
            }

            if (!state.Users.TryGetValue(request.UserId, out var user))
            {
                return (null, "unknown user_id");
            }

            var guildId = request.GuildId ?? channel.GuildId;
            GuildEntity? guild = null;
            if (guildId is { } gid && !state.Guilds.TryGetValue(gid, out guild))
            {
                return (null, "unknown guild_id");
            }

            MessageEntity? source = null;
            if (request.MessageId is { } mid && (!state.Messages.TryGetValue(mid, out source) || source.Deleted))
            {
                return (null, "unknown message_id");
            }

            if (request.Type is < 1 or > 5)
            {
                return (null, "type must be 1..5");
            }

            var id = core.Ids.Next();
            var token = "aW50ZXJhY3Rpb24" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_');
            var payload = new JsonObject
            {
                ["id"] = Render.Id(id),
                ["application_id"] = Render.Id(core.ApplicationId),
                ["type"] = request.Type,
                ["token"] = token,
                ["version"] = 1,
                ["channel_id"] = Render.Id(channel.Id),
                ["channel"] = Render.Channel(channel),
                ["locale"] = request.Locale ?? "en-US",
                ["entitlements"] = new JsonArray(),
                ["entitlement_sku_ids"] = new JsonArray(),
                ["attachment_size_limit"] = 10_485_760,
            };
            if (request.Data is not null && request.Type != 1)
            {
                var data = request.Data.DeepClone();
                if (request.Type is 2 or 4 && data is JsonObject command)
                {
                    OptionResolution.Apply(state, guild, user.Id, command);
                }

                payload["data"] = data;
            }

            if (guild is not null)
            {
                var member = guild.Members.TryGetValue(user.Id, out var m) ? m : new MemberEntity { UserId = user.Id, JoinedAt = core.Time.GetUtcNow() };
                var memberJson = Render.Member(state, guild, member);
                memberJson["permissions"] = state.ComputeChannelPermissions(guild, channel, user.Id).ToString(CultureInfo.InvariantCulture);
                payload["guild_id"] = Render.Id(guild.Id);
                payload["guild"] = new JsonObject { ["id"] = Render.Id(guild.Id), ["locale"] = "en-US", ["features"] = new JsonArray() };
                payload["guild_locale"] = "en-US";
                payload["member"] = memberJson;
                payload["app_permissions"] = state.ComputeChannelPermissions(guild, channel, core.BotUserId).ToString(CultureInfo.InvariantCulture);
                payload["authorizing_integration_owners"] = new JsonObject { ["0"] = Render.Id(guild.Id) };
                payload["context"] = 0;
            }
            else
            {
                payload["user"] = EmulatorState.UserJson(user);
                payload["app_permissions"] = Permissions.All.ToString(CultureInfo.InvariantCulture);
                payload["authorizing_integration_owners"] = new JsonObject { ["0"] = "0" };
                payload["context"] = 1;
            }

            if (source is not null)
            {
                payload["message"] = Render.Message(state, source);
            }

            interaction = new InteractionEntity
            {
                Id = id,
                Token = token,
                Type = request.Type,
                GuildId = guild?.Id,
                ChannelId = channel.Id,
                UserId = user.Id,
                Data = request.Data?.DeepClone(),
                SourceMessageId = source?.Id,
                Payload = payload,
                DeliveredAt = core.Time.GetUtcNow(),
            };
            state.Interactions[id] = interaction;
            state.InteractionsByToken[token] = interaction;

            // INTERACTION_CREATE needs no intent.
            core.Gateway.Dispatch("INTERACTION_CREATE", payload, 0, guild?.Id);
        }

        return (interaction, null);
    }

    /// <summary>Marks interactions whose deadline passed without any answer; call under the state lock.</summary>
    public static void SweepDeadlines(EmulatorCore core)
    {
        var now = core.Time.GetUtcNow();
        foreach (var interaction in core.State.Interactions.Values)
        {
            if (interaction.AcknowledgedAt is null && !interaction.DeadlineMissed && now - interaction.DeliveredAt > core.Settings.InteractionDeadline)
            {
                interaction.DeadlineMissed = true;
                core.Stats.CountDeadlineMiss();
            }
        }
    }

    public static JsonObject Record(EmulatorCore core, InteractionEntity i)
    {
        var state = core.State;
        var json = new JsonObject
        {
            ["id"] = Render.Id(i.Id),
            ["token"] = i.Token,
            ["type"] = i.Type,
            ["guild_id"] = Render.Id(i.GuildId),
            ["channel_id"] = Render.Id(i.ChannelId),
            ["user_id"] = Render.Id(i.UserId),
            ["delivered_at"] = Render.Time(i.DeliveredAt),
            ["acknowledged"] = i.AcknowledgedAt is not null,
            ["acknowledged_after_ms"] = i.AcknowledgeLatencyMs,
            ["deadline_missed"] = i.DeadlineMissed,
            ["response_type"] = i.ResponseType,
            ["answered"] = i.IsAnswered,
            ["callbacks"] = new JsonArray(i.Callbacks.Select(c => (JsonNode)c.DeepClone()).ToArray()),
            ["original"] = i.OriginalMessageId is { } o && state.Messages.TryGetValue(o, out var original) ? Render.Message(state, original) : null,
            ["followups"] = new JsonArray(i.FollowupIds.Where(state.Messages.ContainsKey).Select(f => (JsonNode)Render.Message(state, state.Messages[f])).ToArray()),
            ["payload"] = i.Payload.DeepClone(),
        };
        return json;
    }
}
