using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Gateway;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.Interactions;
using ListeningClub.Discord.Emulator.Mentions;
using ListeningClub.Discord.Emulator.RateLimits;
using ListeningClub.Discord.Emulator.Rest;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Control;

/// <summary>The control API under /_emulator: set up guilds, deliver interactions, inspect and inject faults.</summary>
public static class ControlRoutes
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_emulator");

        control.MapGet("/info", (EmulatorCore core) => Ok(Info(core)));

        control.MapPost("/reset", (EmulatorCore core) =>
        {
            core.Reset();
            return Results.NoContent();
        });

        control.MapPost("/guilds", async (HttpContext ctx, EmulatorCore core) =>
        {
            var spec = await Read<GuildSpec>(ctx).ConfigureAwait(false);
            return spec is null ? Bad("body required") : CreateGuild(core, spec);
        });

        control.MapPost("/guilds/{guild_id}/channels", async (string guild_id, HttpContext ctx, EmulatorCore core) =>
        {
            var spec = await Read<ChannelSpec>(ctx).ConfigureAwait(false);
            if (spec is null || !Render.TryParseId(guild_id, out var guildId))
            {
                return Bad("guild_id and a body {name, type?, parent?} are required");
            }

            lock (core.State.Gate)
            {
                if (!core.State.Guilds.TryGetValue(guildId, out var guild))
                {
                    return Bad("unknown guild");
                }

                var parent = guild.ChannelIds.Select(c => core.State.Channels[c]).FirstOrDefault(c => spec.Parent is not null && c.Name == spec.Parent);
                var channel = new ChannelEntity { Id = core.Ids.Next(), GuildId = guild.Id, Name = spec.Name, Type = spec.Type, Position = guild.ChannelIds.Count, ParentId = parent?.Id, CreatedAt = core.Time.GetUtcNow() };
                core.State.Channels[channel.Id] = channel;
                guild.ChannelIds.Add(channel.Id);
                return Ok(new CreatedChannel(Render.Id(channel.Id)));
            }
        });

        control.MapPut("/channels/{channel_id}/permissions/{overwrite_id}", async (string channel_id, string overwrite_id, HttpContext ctx, EmulatorCore core) =>
        {
            var spec = await Read<OverwriteSpec>(ctx).ConfigureAwait(false);
            if (spec is null || spec.Type is not (0 or 1) || !Render.TryParseId(channel_id, out var channelId) || !Render.TryParseId(overwrite_id, out var overwriteId)
                || ParsePermissions(spec.Allow) is not { } allow || ParsePermissions(spec.Deny) is not { } deny)
            {
                return Bad("channel_id, overwrite_id and a body {type: 0 | 1, allow, deny} are required");
            }

            lock (core.State.Gate)
            {
                if (!core.State.Channels.TryGetValue(channelId, out var channel) || channel.GuildId is null)
                {
                    return Bad("unknown guild channel");
                }

                channel.Overwrites.RemoveAll(o => o.Id == overwriteId);
                channel.Overwrites.Add(new OverwriteEntity { Id = overwriteId, Type = spec.Type, Allow = allow, Deny = deny });
                return Results.NoContent();
            }
        });

        control.MapPost("/interactions", async (HttpContext ctx, EmulatorCore core) =>
        {
            var spec = await Read<InteractionSpec>(ctx).ConfigureAwait(false);
            if (spec is null || !Render.TryParseId(spec.ChannelId, out var channelId) || !Render.TryParseId(spec.UserId, out var userId))
            {
                return Bad("channel_id and user_id are required");
            }

            ulong? guildId = Render.TryParseId(spec.GuildId, out var g) ? g : null;
            ulong? messageId = Render.TryParseId(spec.MessageId, out var m) ? m : null;
            var (interaction, error) = InteractionService.Deliver(core, new InteractionService.Request(guildId, channelId, userId, spec.Type, spec.Data, messageId, spec.Locale));
            return interaction is null ? Bad(error!) : Ok(new CreatedInteraction(Render.Id(interaction.Id), interaction.Token));
        });

        control.MapGet("/interactions/{id}", (string id, EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                InteractionService.SweepDeadlines(core);
                return Render.TryParseId(id, out var iid) && core.State.Interactions.TryGetValue(iid, out var interaction)
                    ? DiscordError.Json(InteractionService.Record(core, interaction))
                    : Results.NotFound();
            }
        });

        // Long poll: answers as soon as the bot has answered the interaction for good, or 408 with its state after timeout_ms.
        control.MapGet("/interactions/{id}/answered", async (string id, int? timeout_ms, EmulatorCore core, CancellationToken ct) =>
        {
            InteractionEntity? interaction;
            lock (core.State.Gate)
            {
                if (!Render.TryParseId(id, out var iid) || !core.State.Interactions.TryGetValue(iid, out interaction))
                {
                    return Results.NotFound();
                }
            }

            var timeout = TimeSpan.FromMilliseconds(Math.Clamp(timeout_ms ?? 60_000, 0, 600_000));
            var inTime = await Task.WhenAny(interaction.Answered.Task, Task.Delay(timeout, ct)).ConfigureAwait(false) == interaction.Answered.Task;
            lock (core.State.Gate)
            {
                InteractionService.SweepDeadlines(core);
                var record = InteractionService.Record(core, interaction);
                return inTime ? DiscordError.Json(record) : Results.Json(record, statusCode: StatusCodes.Status408RequestTimeout);
            }
        });

        control.MapGet("/attachments/{id}/{filename}", (string id, EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                return Render.TryParseId(id, out var uid) && core.State.Uploads.TryGetValue(uid, out var upload)
                    ? Results.Bytes(upload.Content, upload.ContentType, upload.FileName)
                    : Results.NotFound();
            }
        });

        control.MapPost("/polls/vote", async (HttpContext ctx, EmulatorCore core) =>
        {
            var vote = await Read<PollVote>(ctx).ConfigureAwait(false);
            return vote is null ? Bad("body required") : Vote(core, vote);
        });

        control.MapGet("/requests", (HttpContext ctx, EmulatorCore core) =>
        {
            var after = long.TryParse(ctx.Request.Query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : 0;
            var limit = int.TryParse(ctx.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 1000;
            var list = core.Requests.After(after, limit).Select(r => new RequestEntry(r.Seq, r.Method, r.Path, r.Query, r.Status, r.Body, r.Route)).ToList();
            return Ok(list);
        });

        control.MapGet("/messages", (HttpContext ctx, EmulatorCore core) =>
        {
            ulong? channelId = Render.TryParseId(ctx.Request.Query["channel_id"], out var c) ? c : null;
            lock (core.State.Gate)
            {
                var list = core.State.Messages.Values
                    .Where(m => channelId is null || m.ChannelId == channelId)
                    .OrderBy(m => m.Id)
                    .Select(m => Entry(core, m))
                    .ToList();
                return Ok(list);
            }
        });

        control.MapPost("/messages", async (HttpContext ctx, EmulatorCore core) =>
        {
            var spec = await Read<UserMessageSpec>(ctx).ConfigureAwait(false);
            if (spec is null || !Render.TryParseId(spec.ChannelId, out var channelId) || !Render.TryParseId(spec.UserId, out var userId))
            {
                return Bad("channel_id, user_id and content are required");
            }

            lock (core.State.Gate)
            {
                if (!core.State.Channels.TryGetValue(channelId, out var channel) || !core.State.Users.ContainsKey(userId))
                {
                    return Bad("unknown channel or user");
                }

                var (message, error) = MessageService.Create(core, channel, new JsonObject { ["content"] = spec.Content }, new MessageService.Origin(userId, 0, MentionResolver.DefaultParse.Everything));
                return message is null ? error! : Ok(Entry(core, message));
            }
        });

        control.MapPost("/gateway/faults", async (HttpContext ctx, EmulatorCore core) =>
        {
            var spec = await Read<GatewayFaultSpec>(ctx).ConfigureAwait(false);
            if (spec is null || spec.Action is not ("drop" or "reconnect" or "invalid_session" or "stop_acks" or "close"))
            {
                return Bad("action must be drop | reconnect | invalid_session | stop_acks | close");
            }

            var touched = core.Gateway.Inject(new GatewayFault(spec.Action, spec.Resumable ?? false, spec.Code));
            return Ok(new JsonObject { ["connections"] = touched });
        });

        control.MapPost("/rest/faults", async (HttpContext ctx, EmulatorCore core) =>
        {
            var spec = await Read<RestFaultSpec>(ctx).ConfigureAwait(false);
            if (spec is null || spec.Status is not (429 or 500 or 502 or 503) || spec.Count < 1)
            {
                return Bad("status must be 429, 500, 502 or 503 and count ≥ 1");
            }

            // Cloudflare's error 1015 says Retry-After: 30 unless a rule sets its own.
            var cloudflare = spec.Cloudflare ?? false;
            core.RestFaults.Add(new RestFault(spec.PathPrefix, spec.Status, spec.Count, spec.RetryAfter ?? (cloudflare ? 30.0 : 1.0), spec.Global ?? false, cloudflare));
            return Results.NoContent();
        });

        control.MapDelete("/rest/faults", (EmulatorCore core) =>
        {
            core.RestFaults.Clear();
            return Results.NoContent();
        });

        control.MapGet("/ratelimits", (EmulatorCore core) => Ok(View(core.RateLimiter.Snapshot())));

        control.MapPut("/ratelimits", async (HttpContext ctx, EmulatorCore core) =>
        {
            var spec = await Read<RateLimitSpec>(ctx).ConfigureAwait(false);
            if (spec is null)
            {
                return Bad("body required");
            }

            core.RateLimiter.Configure(
                spec.Enabled,
                spec.GlobalPerSecond,
                spec.Buckets?.ToDictionary(b => b.Key, b => new BucketLimit(b.Value.Limit, b.Value.WindowMs), StringComparer.Ordinal),
                spec.Default is { } d ? new BucketLimit(d.Limit, d.WindowMs) : null);
            return Ok(View(core.RateLimiter.Snapshot()));
        });

        control.MapGet("/stats", (EmulatorCore core) => Ok(Stats(core)));

        // Long poll for viewers: answers as soon as the change feed is past `after`, or with the same version after timeout_ms.
        control.MapGet("/changes", async (long? after, int? timeout_ms, EmulatorCore core, CancellationToken ct) =>
        {
            var timeout = TimeSpan.FromMilliseconds(Math.Clamp(timeout_ms ?? 30_000, 0, 600_000));
            return Ok(new ChangeVersion(await core.Changes.WaitAfterAsync(after ?? -1, timeout, ct).ConfigureAwait(false)));
        });

        control.MapGet("/guilds/{guild_id}", (string guild_id, EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                return Render.TryParseId(guild_id, out var guildId) && core.State.Guilds.TryGetValue(guildId, out var guild)
                    ? Ok(GuildOf(core, guild))
                    : Results.NotFound();
            }
        });

        control.MapGet("/commands", (HttpContext ctx, EmulatorCore core) =>
        {
            ulong? guildId = Render.TryParseId(ctx.Request.Query["guild_id"], out var g) ? g : null;
            lock (core.State.Gate)
            {
                var global = core.State.GlobalCommands.Values.OrderBy(c => c.Id);
                var local = guildId is { } id && core.State.GuildCommands.TryGetValue(id, out var commands) ? commands.Values.OrderBy(c => c.Id) : Enumerable.Empty<CommandEntity>();
                var list = global.Concat(local)
                    .Select(c => new CommandView(Render.Id(c.Id), Render.Id(c.GuildId), (JsonObject)c.Body.DeepClone()))
                    .ToList();
                return Ok(list);
            }
        });
    }

    private static MessageEntry Entry(EmulatorCore core, MessageEntity m) => new(
        Render.Id(m.Id),
        Render.Id(m.ChannelId),
        Render.Id(m.AuthorId),
        m.Type,
        m.Content,
        m.Flags,
        m.AllowedMentions?.DeepClone(),
        new Notifications(
            m.Mentions.Users.Select(Render.Id).ToList(),
            m.Mentions.Roles.Select(Render.Id).ToList(),
            m.Mentions.Everyone,
            m.Mentions.Suppressed,
            m.Mentions.NotifiesAnyone),
        Render.Message(core.State, m));

    private static GuildView GuildOf(EmulatorCore core, GuildEntity guild)
    {
        var state = core.State;
        var channels = guild.ChannelIds
            .Select(id => state.Channels[id])
            .Select(c => new ChannelView(Render.Id(c.Id), c.Name ?? "", c.Type, Render.Id(c.ParentId), c.Position, c.Archived))
            .ToList();
        var members = guild.Members.Values
            .OrderBy(m => m.JoinedAt)
            .ThenBy(m => m.UserId)
            .Select(m =>
            {
                var user = state.Users.TryGetValue(m.UserId, out var u) ? u : new UserEntity { Id = m.UserId, Username = "unknown" };
                return new MemberView(
                    Render.Id(m.UserId),
                    user.Username,
                    user.Bot,
                    EmulatorState.ComputePermissions(guild, m.UserId).ToString(CultureInfo.InvariantCulture),
                    m.RoleIds.Select(Render.Id).ToList(),
                    state.DmChannelByUser.TryGetValue(m.UserId, out var dm) ? Render.Id(dm) : null);
            })
            .ToList();
        var roles = guild.Roles.Select(r => new RoleView(Render.Id(r.Id), r.Name)).ToList();
        return new GuildView(Render.Id(guild.Id), guild.Name, channels, members, roles);
    }

    public static EmulatorInfo Info(EmulatorCore core) => new(
        new Uri(core.BaseUrl, "api/v10").ToString(),
        core.GatewayUrl.ToString(),
        new Uri(core.BaseUrl, "_emulator").ToString(),
        core.BotToken,
        Render.Id(core.ApplicationId),
        Render.Id(core.BotUserId));

    public static EmulatorStatsView Stats(EmulatorCore core)
    {
        lock (core.State.Gate)
        {
            InteractionService.SweepDeadlines(core);
            return new EmulatorStatsView(
                core.Stats.Requests,
                core.Stats.RateLimited,
                core.Stats.InvalidRequestsLast10Minutes(),
                core.Stats.Identifies,
                core.Stats.Resumes,
                core.Stats.Dispatches,
                core.Gateway.OpenConnections,
                core.Stats.DeadlineMisses,
                core.State.Interactions.Count,
                core.State.Messages.Count,
                core.State.Messages.Values.Count(m => m.Mentions.NotifiesAnyone),
                core.Stats.IdentifiesTooSoon);
        }
    }

    private static RateLimitSpec View(RateLimitSnapshot s) => new(
        s.Enabled,
        s.GlobalPerSecond,
        s.Buckets.ToDictionary(b => b.Key, b => new BucketSpec(b.Value.Limit, b.Value.WindowMs), StringComparer.Ordinal),
        new BucketSpec(s.DefaultBucket.Limit, s.DefaultBucket.WindowMs));

    private static IResult CreateGuild(EmulatorCore core, GuildSpec spec)
    {
        var state = core.State;
        var now = core.Time.GetUtcNow();
        lock (state.Gate)
        {
            var ownerId = core.Ids.Next();
            state.Users[ownerId] = new UserEntity { Id = ownerId, Username = spec.Name + "-owner" };
            var guild = new GuildEntity { Id = core.Ids.Next(), Name = spec.Name, OwnerId = ownerId, BotRoleId = core.Ids.Next() };
            guild.Members[ownerId] = new MemberEntity { UserId = ownerId, JoinedAt = now };
            var everyonePermissions = ParsePermissions(spec.EveryonePermissions) ?? (Permissions.ViewChannel | Permissions.SendMessages | Permissions.SendMessagesInThreads | (1UL << 31) | (1UL << 16) | Permissions.CreatePublicThreads);
            guild.Roles.Add(new RoleEntity { Id = guild.Id, GuildId = guild.Id, Name = "@everyone", Permissions = everyonePermissions, Mentionable = false });
            var roles = new Dictionary<string, string>(StringComparer.Ordinal);
            var position = 1;
            foreach (var role in spec.Roles ?? [])
            {
                var entity = new RoleEntity { Id = core.Ids.Next(), GuildId = guild.Id, Name = role.Name, Permissions = ParsePermissions(role.Permissions) ?? 0, Mentionable = role.Mentionable, Position = position++ };
                guild.Roles.Add(entity);
                roles[role.Name] = Render.Id(entity.Id);
            }

            var bot = new MemberEntity { UserId = core.BotUserId, JoinedAt = now, ExtraPermissions = ParsePermissions(spec.BotPermissions) ?? Permissions.Administrator };
            guild.Members[core.BotUserId] = bot;

            var users = new Dictionary<string, string>(StringComparer.Ordinal) { [spec.Name + "-owner"] = Render.Id(ownerId) };
            foreach (var member in spec.Members ?? [])
            {
                var userId = core.Ids.Next();
                state.Users[userId] = new UserEntity { Id = userId, Username = member.Username, AcceptsDirectMessages = member.AcceptsDirectMessages };
                var entity = new MemberEntity { UserId = userId, JoinedAt = now, ExtraPermissions = ParsePermissions(member.Permissions) ?? 0 };
                foreach (var roleName in member.Roles ?? [])
                {
                    if (!roles.TryGetValue(roleName, out var roleId))
                    {
                        return Bad($"member {member.Username}: unknown role {roleName}");
                    }

                    entity.RoleIds.Add(ulong.Parse(roleId, CultureInfo.InvariantCulture));
                }

                guild.Members[userId] = entity;
                users[member.Username] = Render.Id(userId);
            }

            var channels = new Dictionary<string, string>(StringComparer.Ordinal);
            var channelPosition = 0;
            foreach (var channel in spec.Channels ?? [new ChannelSpec("general")])
            {
                ulong? parent = channel.Parent is not null && channels.TryGetValue(channel.Parent, out var p) ? ulong.Parse(p, CultureInfo.InvariantCulture) : null;
                var entity = new ChannelEntity { Id = core.Ids.Next(), GuildId = guild.Id, Name = channel.Name, Type = channel.Type, Position = channelPosition++, ParentId = parent, CreatedAt = now };
                state.Channels[entity.Id] = entity;
                guild.ChannelIds.Add(entity.Id);
                channels[channel.Name] = Render.Id(entity.Id);
            }

            state.Guilds[guild.Id] = guild;
            core.Gateway.Dispatch("GUILD_CREATE", Render.Guild(state, guild, full: true), Intents.Guilds, guild.Id);
            return Ok(new CreatedGuild(Render.Id(guild.Id), channels, roles, users));
        }
    }

    private static IResult Vote(EmulatorCore core, PollVote vote)
    {
        lock (core.State.Gate)
        {
            if (!Render.TryParseId(vote.MessageId, out var messageId) || !core.State.Messages.TryGetValue(messageId, out var message) || message.Poll is null
                || !Render.TryParseId(vote.UserId, out var userId) || !core.State.Users.ContainsKey(userId))
            {
                return Bad("unknown poll message or user");
            }

            var poll = message.Poll;
            PollRoutes.FinishExpired(core, core.State.Channels[message.ChannelId]);
            if (poll.Finalized || poll.Expiry <= core.Time.GetUtcNow())
            {
                return DiscordError.Reply(400, DiscordError.PollExpired, "Poll expired");
            }

            var wanted = vote.AnswerIds.Distinct().ToList();
            if (wanted.Count > 1 && !poll.AllowMultiselect)
            {
                return Bad("this poll does not allow multiselect");
            }

            if (wanted.Any(a => poll.Answers.All(x => x.Id != a)))
            {
                return Bad("unknown answer id");
            }

            var channel = core.State.Channels[message.ChannelId];
            foreach (var (answerId, _) in poll.Answers)
            {
                var voters = poll.Votes.TryGetValue(answerId, out var set) ? set : poll.Votes[answerId] = [];
                var had = voters.Contains(userId);
                var wants = wanted.Contains(answerId);
                if (had == wants)
                {
                    continue;
                }

                if (wants)
                {
                    voters.Add(userId);
                }
                else
                {
                    voters.Remove(userId);
                }

                var d = new JsonObject
                {
                    ["user_id"] = Render.Id(userId),
                    ["channel_id"] = Render.Id(channel.Id),
                    ["message_id"] = Render.Id(message.Id),
                    ["answer_id"] = answerId,
                };
                if (channel.GuildId is { } g)
                {
                    d["guild_id"] = Render.Id(g);
                }

                core.Gateway.Dispatch(wants ? "MESSAGE_POLL_VOTE_ADD" : "MESSAGE_POLL_VOTE_REMOVE", d, channel.GuildId is null ? Intents.DirectMessagePolls : Intents.GuildMessagePolls, channel.GuildId);
            }

            return Results.NoContent();
        }
    }

    private static ulong? ParsePermissions(string? text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : null;

    private static async Task<T?> Read<T>(HttpContext ctx)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(ctx.Request.Body, ControlJson.Options, ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Ok<T>(T value) => Results.Json(value, ControlJson.Options);

    private static IResult Bad(string message) => Results.Json(new { message }, ControlJson.Options, statusCode: 400);
}
