using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.Mentions;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>End a poll early and list an answer's voters; <see cref="Finish"/> also posts the POLL_RESULT message.</summary>
public static class PollRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.Add("POST", "/channels/{channel_id}/polls/{message_id}/expire", "poll_expire", "polls.expire", "channel_id", (string channel_id, string message_id, EmulatorCore core) =>
        {
            lock (core.State.Gate)
            {
                if (!MessageRoutes.TryChannel(core, channel_id, out var channel))
                {
                    return DiscordError.UnknownChannelReply();
                }

                if (!MessageRoutes.TryMessage(core, channel, message_id, out var message))
                {
                    return DiscordError.UnknownMessageReply();
                }

                if (message.Poll is null)
                {
                    return DiscordError.Reply(400, DiscordError.CannotExpireNonPoll, "Cannot expire a non-poll message");
                }

                if (message.AuthorId != core.BotUserId)
                {
                    return DiscordError.Forbidden(DiscordError.MissingPermissions, "Missing Permissions");
                }

                if (!message.Poll.Finalized)
                {
                    Finish(core, channel, message);
                }

                return DiscordError.Json(Render.Message(core.State, message));
            }
        });

        api.Add("GET", "/channels/{channel_id}/polls/{message_id}/answers/{answer_id}", "get_answer_voters", "polls.voters", "channel_id", (string channel_id, string message_id, string answer_id, HttpContext ctx, EmulatorCore core) =>
        {
            var q = ctx.Request.Query;
            var limit = int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 25;
            if (limit is < 1 or > 100)
            {
                return DiscordError.Form("limit", "NUMBER_TYPE_MAX", "int value should be less than or equal to 100.");
            }

            if (!int.TryParse(answer_id, NumberStyles.None, CultureInfo.InvariantCulture, out var answerId) || answerId is < 1 or > 10)
            {
                return DiscordError.Form("answer_id", "NUMBER_TYPE_MAX", "int value should be between 1 and 10.");
            }

            lock (core.State.Gate)
            {
                if (!MessageRoutes.TryChannel(core, channel_id, out var channel))
                {
                    return DiscordError.UnknownChannelReply();
                }

                if (!MessageRoutes.TryMessage(core, channel, message_id, out var message) || message.Poll is null)
                {
                    return DiscordError.UnknownMessageReply();
                }

                if (message.Poll.Answers.All(a => a.Id != answerId))
                {
                    return DiscordError.NotFound(10018, "Unknown answer");
                }

                var after = Render.TryParseId(q["after"], out var a) ? a : 0;
                var voters = message.Poll.Votes.TryGetValue(answerId, out var set) ? set.Where(u => u > after).Take(limit) : [];
                var users = voters.Select(u => core.State.Users.TryGetValue(u, out var user) ? (JsonNode)EmulatorState.UserJson(user) : new JsonObject { ["id"] = Render.Id(u) }).ToArray();
                return DiscordError.Json(new JsonObject { ["users"] = new JsonArray(users) });
            }
        });
    }

    /// <summary>
    /// Polls end when their expiry passes; the emulator notices lazily, whenever the channel's
    /// messages are read or a vote arrives, and then finishes the poll exactly as Discord would.
    /// </summary>
    public static void FinishExpired(EmulatorCore core, ChannelEntity channel)
    {
        var now = core.Time.GetUtcNow();
        foreach (var message in channel.Messages.Where(m => m.Poll is { Finalized: false } p && p.Expiry <= now).ToList())
        {
            Finish(core, channel, message);
        }
    }

    /// <summary>Finalises the poll, fires MESSAGE_UPDATE and posts the type-46 POLL_RESULT message.</summary>
    public static void Finish(EmulatorCore core, ChannelEntity channel, MessageEntity message)
    {
        var poll = message.Poll!;
        var now = core.Time.GetUtcNow();
        if (poll.Expiry > now)
        {
            poll.Expiry = now;
        }

        poll.Finalized = true;
        message.EditedTimestamp = now;
        MessageService.DispatchMessage(core, "MESSAGE_UPDATE", channel, message);

        var counts = poll.Answers.Select(a => (a.Id, a.Media, Votes: poll.Votes.TryGetValue(a.Id, out var v) ? v.Count : 0)).ToList();
        var total = counts.Sum(c => c.Votes);
        var best = counts.OrderByDescending(c => c.Votes).ThenBy(c => c.Id).FirstOrDefault();
        var tie = counts.Count(c => c.Votes == best.Votes) > 1;
        var fields = new JsonArray
        {
            Field("poll_question_text", poll.Question["text"]?.GetValue<string>() ?? ""),
            Field("victor_answer_votes", (tie || total == 0 ? 0 : best.Votes).ToString(CultureInfo.InvariantCulture)),
            Field("total_votes", total.ToString(CultureInfo.InvariantCulture)),
        };
        if (!tie && total > 0)
        {
            fields.Add(Field("victor_answer_id", best.Id.ToString(CultureInfo.InvariantCulture)));
            fields.Add(Field("victor_answer_text", best.Media["text"]?.GetValue<string>() ?? ""));
        }

        var result = new JsonObject
        {
            ["content"] = "",
            ["embeds"] = new JsonArray(new JsonObject { ["type"] = "poll_result", ["fields"] = fields }),
            ["message_reference"] = new JsonObject { ["message_id"] = Render.Id(message.Id), ["channel_id"] = Render.Id(channel.Id) },
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
        MessageService.Create(core, channel, result, new MessageService.Origin(message.AuthorId, 46, MentionResolver.DefaultParse.Everything, AllowEmpty: true));
    }

    private static JsonObject Field(string name, string value) => new() { ["name"] = name, ["value"] = value, ["inline"] = false };
}
