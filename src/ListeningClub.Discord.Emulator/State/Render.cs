using System.Globalization;
using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.State;

/// <summary>Builds the JSON objects Discord returns (shapes from openapi.json response schemas). Call under the state lock.</summary>
public static class Render
{
    public static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    public static string? Id(ulong? id) => id is { } v ? Id(v) : null;

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? t) => t is { } v ? Time(v) : null;

    public static bool TryParseId(string? text, out ulong id) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    public static ulong? ReadId(JsonNode? node)
    {
        if (node is JsonValue v)
        {
            if (v.TryGetValue<string>(out var s) && TryParseId(s, out var id))
            {
                return id;
            }

            if (v.TryGetValue<long>(out var l) && l >= 0)
            {
                return (ulong)l;
            }
        }

        return null;
    }

    public static JsonObject Role(RoleEntity role) => new()
    {
        ["id"] = Id(role.Id),
        ["name"] = role.Name,
        ["description"] = null,
        ["permissions"] = role.Permissions.ToString(CultureInfo.InvariantCulture),
        ["position"] = role.Position,
        ["color"] = 0,
        ["colors"] = new JsonObject { ["primary_color"] = 0, ["secondary_color"] = null, ["tertiary_color"] = null },
        ["hoist"] = false,
        ["managed"] = false,
        ["mentionable"] = role.Mentionable,
        ["icon"] = null,
        ["unicode_emoji"] = null,
        ["flags"] = 0,
    };

    /// <summary>The guild's roles as Discord lists them: its own, and the bot's managed role holding the bot's grant.</summary>
    public static IEnumerable<JsonObject> RolesOf(EmulatorState state, GuildEntity guild)
    {
        foreach (var role in guild.Roles)
        {
            yield return Role(role);
        }

        if (BotMember(state, guild) is { } bot)
        {
            var json = Role(new RoleEntity { Id = guild.BotRoleId, GuildId = guild.Id, Name = state.Users[bot.UserId].Username, Permissions = bot.ExtraPermissions, Position = guild.Roles.Max(r => r.Position) + 1 });
            json["managed"] = true;
            json["tags"] = new JsonObject { ["bot_id"] = Id(bot.UserId) };
            yield return json;
        }
    }

    /// <summary>A member's role ids as Discord shows them: the bot also holds its managed role.</summary>
    public static IEnumerable<ulong> RoleIdsOf(EmulatorState state, GuildEntity guild, MemberEntity member) =>
        BotMember(state, guild) == member ? [.. member.RoleIds, guild.BotRoleId] : member.RoleIds;

    private static MemberEntity? BotMember(EmulatorState state, GuildEntity guild) =>
        guild.BotRoleId == 0 ? null : guild.Members.Values.FirstOrDefault(m => state.Users.TryGetValue(m.UserId, out var user) && user.Bot);

    public static JsonObject Member(EmulatorState state, GuildEntity guild, MemberEntity member, bool withUser = true)
    {
        var json = new JsonObject
        {
            ["avatar"] = null,
            ["banner"] = null,
            ["communication_disabled_until"] = null,
            ["flags"] = 0,
            ["joined_at"] = Time(member.JoinedAt),
            ["nick"] = null,
            ["pending"] = false,
            ["premium_since"] = null,
            ["roles"] = new JsonArray(RoleIdsOf(state, guild, member).Select(r => (JsonNode)Id(r)).ToArray()),
            ["deaf"] = false,
            ["mute"] = false,
        };
        if (withUser && state.Users.TryGetValue(member.UserId, out var user))
        {
            json["user"] = EmulatorState.UserJson(user);
        }

        return json;
    }

    public static JsonObject Guild(EmulatorState state, GuildEntity guild, bool full)
    {
        var json = new JsonObject
        {
            ["id"] = Id(guild.Id),
            ["name"] = guild.Name,
            ["icon"] = null,
            ["owner_id"] = Id(guild.OwnerId),
            ["features"] = new JsonArray(),
            ["preferred_locale"] = "en-US",
            ["roles"] = new JsonArray(RolesOf(state, guild).Select(r => (JsonNode)r).ToArray()),
            ["description"] = null,
            ["home_header"] = null,
            ["splash"] = null,
            ["discovery_splash"] = null,
            ["banner"] = null,
            ["application_id"] = null,
            ["region"] = "deprecated",
            ["afk_channel_id"] = null,
            ["afk_timeout"] = 300,
            ["system_channel_id"] = null,
            ["system_channel_flags"] = 0,
            ["widget_enabled"] = false,
            ["widget_channel_id"] = null,
            ["verification_level"] = 0,
            ["default_message_notifications"] = 1,
            ["mfa_level"] = 0,
            ["explicit_content_filter"] = 0,
            ["max_presences"] = null,
            ["max_members"] = 500000,
            ["max_stage_video_channel_users"] = 50,
            ["max_video_channel_users"] = 25,
            ["vanity_url_code"] = null,
            ["premium_tier"] = 0,
            ["premium_subscription_count"] = 0,
            ["rules_channel_id"] = null,
            ["safety_alerts_channel_id"] = null,
            ["public_updates_channel_id"] = null,
            ["premium_progress_bar_enabled"] = false,
            ["nsfw"] = false,
            ["nsfw_level"] = 0,
            ["emojis"] = new JsonArray(),
            ["stickers"] = new JsonArray(),
            ["incidents_data"] = null,
        };
        if (full)
        {
            json["unavailable"] = false;
            json["member_count"] = guild.Members.Count;
            json["large"] = false;
            json["joined_at"] = Time(Snowflakes.TimestampOf(guild.Id));
            json["channels"] = new JsonArray(guild.ChannelIds.Select(c => state.Channels[c]).Where(c => !c.IsThread).Select(c => (JsonNode)Channel(c)).ToArray());
            json["threads"] = new JsonArray(guild.ChannelIds.Select(c => state.Channels[c]).Where(c => c.IsThread && !c.Archived).Select(c => (JsonNode)Channel(c)).ToArray());
            json["members"] = new JsonArray(guild.Members.Values.Select(m => (JsonNode)Member(state, guild, m)).ToArray());
            json["guild_scheduled_events"] = new JsonArray(guild.ScheduledEventIds.Select(e => (JsonNode)ScheduledEvent(state, state.ScheduledEvents[e], false)).ToArray());
            json["voice_states"] = new JsonArray();
            json["presences"] = new JsonArray();
            json["stage_instances"] = new JsonArray();
            json["soundboard_sounds"] = new JsonArray();
        }

        return json;
    }

    public static JsonObject Channel(ChannelEntity channel)
    {
        var json = new JsonObject
        {
            ["id"] = Id(channel.Id),
            ["type"] = channel.Type,
            ["last_message_id"] = Id(channel.LastMessageId),
            ["flags"] = 0,
        };
        if (channel.GuildId is { } guildId)
        {
            json["guild_id"] = Id(guildId);
            json["name"] = channel.Name;
            json["parent_id"] = Id(channel.ParentId);
            json["rate_limit_per_user"] = channel.RateLimitPerUser;
            if (!channel.IsThread)
            {
                json["position"] = channel.Position;
                json["permission_overwrites"] = new JsonArray(channel.Overwrites.Select(o => (JsonNode)new JsonObject
                {
                    ["id"] = Id(o.Id),
                    ["type"] = o.Type,
                    ["allow"] = o.Allow.ToString(CultureInfo.InvariantCulture),
                    ["deny"] = o.Deny.ToString(CultureInfo.InvariantCulture),
                }).ToArray());
                json["nsfw"] = false;
                json["topic"] = null;
            }
        }
        else
        {
            json["recipients"] = new JsonArray();
        }

        if (channel.Type is 15 or 16)
        {
            json["available_tags"] = new JsonArray();
            json["default_reaction_emoji"] = null;
            json["default_sort_order"] = null;
            json["default_forum_layout"] = 0;
        }

        if (channel.IsThread)
        {
            json["owner_id"] = Id(channel.OwnerId);
            json["message_count"] = channel.MessageCount;
            json["member_count"] = 1;
            json["total_message_sent"] = channel.MessageCount;
            json["applied_tags"] = new JsonArray(channel.AppliedTags.Select(t => (JsonNode)Id(t)).ToArray());
            var metadata = new JsonObject
            {
                ["archived"] = channel.Archived,
                ["archive_timestamp"] = Time(channel.CreatedAt),
                ["auto_archive_duration"] = channel.AutoArchiveDuration ?? 4320,
                ["locked"] = channel.Locked,
                ["create_timestamp"] = Time(channel.CreatedAt),
            };
            if (channel.Type == 12)
            {
                metadata["invitable"] = channel.Invitable ?? true;
            }

            json["thread_metadata"] = metadata;
        }

        return json;
    }

    public static JsonObject Message(EmulatorState state, MessageEntity m, bool withReferenced = true)
    {
        state.Users.TryGetValue(m.AuthorId, out var author);
        var json = new JsonObject
        {
            ["id"] = Id(m.Id),
            ["channel_id"] = Id(m.ChannelId),
            ["author"] = EmulatorState.UserJson(author ?? new UserEntity { Id = m.AuthorId, Username = "unknown" }),
            ["content"] = m.Content,
            ["timestamp"] = Time(m.Timestamp),
            ["edited_timestamp"] = Time(m.EditedTimestamp),
            ["tts"] = m.Tts,
            ["mention_everyone"] = m.Mentions.Everyone,
            ["mentions"] = new JsonArray(m.Mentions.Users.Where(state.Users.ContainsKey).Select(u => (JsonNode)EmulatorState.UserJson(state.Users[u])).ToArray()),
            ["mention_roles"] = new JsonArray(m.Mentions.Roles.Select(r => (JsonNode)Id(r)).ToArray()),
            ["attachments"] = m.Attachments.DeepClone(),
            ["embeds"] = m.Embeds.DeepClone(),
            ["pinned"] = false,
            ["type"] = m.Type,
            ["flags"] = m.Flags,
            ["components"] = m.Components.DeepClone(),
        };
        if (m.Nonce is not null)
        {
            json["nonce"] = m.Nonce.DeepClone();
        }

        if (m.WebhookId is { } webhookId)
        {
            json["webhook_id"] = Id(webhookId);
        }

        if (m.ApplicationId is { } applicationId)
        {
            json["application_id"] = Id(applicationId);
        }

        if (m.InteractionMetadata is not null)
        {
            json["interaction_metadata"] = m.InteractionMetadata.DeepClone();
        }

        if (m.MessageReference is not null)
        {
            json["message_reference"] = m.MessageReference.DeepClone();
            if (withReferenced && m.ReferencedMessageId is { } refId && m.Type == 19)
            {
                json["referenced_message"] = state.Messages.TryGetValue(refId, out var referenced) && !referenced.Deleted ? Message(state, referenced, false) : null;
            }
        }

        if (m.Poll is not null)
        {
            json["poll"] = Poll(m.Poll);
        }

        if (m.ThreadId is { } threadId && state.Channels.TryGetValue(threadId, out var thread))
        {
            json["thread"] = Channel(thread);
        }

        if (m.GuildId is { } guildId && state.Guilds.ContainsKey(guildId))
        {
            json["position"] = 0;
        }

        return json;
    }

    public static JsonObject Poll(PollEntity poll)
    {
        var counts = new JsonArray();
        foreach (var (id, _) in poll.Answers)
        {
            if (poll.Votes.TryGetValue(id, out var voters) && voters.Count > 0)
            {
                counts.Add(new JsonObject { ["id"] = id, ["count"] = voters.Count, ["me_voted"] = false });
            }
        }

        return new JsonObject
        {
            ["question"] = poll.Question.DeepClone(),
            ["answers"] = new JsonArray(poll.Answers.Select(a => (JsonNode)new JsonObject { ["answer_id"] = a.Id, ["poll_media"] = a.Media.DeepClone() }).ToArray()),
            ["expiry"] = Time(poll.Expiry),
            ["allow_multiselect"] = poll.AllowMultiselect,
            ["layout_type"] = poll.LayoutType,
            ["results"] = new JsonObject { ["is_finalized"] = poll.Finalized, ["answer_counts"] = counts },
        };
    }

    public static JsonObject ScheduledEvent(EmulatorState state, ScheduledEventEntity e, bool withUserCount)
    {
        var json = (JsonObject)e.Body.DeepClone();
        json["id"] = Id(e.Id);
        json["guild_id"] = Id(e.GuildId);
        json["creator_id"] = Id(e.CreatorId);
        json["guild_scheduled_event_exceptions"] ??= new JsonArray();
        if (state.Users.TryGetValue(e.CreatorId, out var creator))
        {
            json["creator"] = EmulatorState.UserJson(creator);
        }

        if (withUserCount)
        {
            json["user_count"] = e.Subscribers.Count;
        }

        return json;
    }

    public static JsonObject Command(CommandEntity c, ulong applicationId)
    {
        var json = (JsonObject)c.Body.DeepClone();
        json["id"] = Id(c.Id);
        json["application_id"] = Id(applicationId);
        json["version"] = Id(c.Version);
        if (c.GuildId is { } guildId)
        {
            json["guild_id"] = Id(guildId);
        }

        json["type"] ??= 1;
        json["description"] ??= "";
        json["default_member_permissions"] = NormalisePermissions(json["default_member_permissions"]);
        json["nsfw"] ??= false;
        json["dm_permission"] ??= true;
        if (c.GuildId is null)
        {
            json["contexts"] ??= new JsonArray(0, 1, 2);
            json["integration_types"] ??= new JsonArray(0);
        }

        return json;
    }

    private static JsonNode? NormalisePermissions(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
