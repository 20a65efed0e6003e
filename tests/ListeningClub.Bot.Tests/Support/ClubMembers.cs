using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>
/// Members of the emulator's guild using the bot, whichever way the bot runs (in this process or as the built
/// executable): slash commands, ballot components, and reading what the bot answered.
/// </summary>
public sealed class ClubMembers(EmulatorControl control, CreatedGuild guild)
{
    public async Task<InteractionRecord> CommandAsync(string user, string name, JsonArray? options = null, string channel = "film-night")
    {
        var sent = await control.SendCommandAsync(guild.GuildId, guild.Channels[channel], guild.Users[user], name, options);
        return await AnsweredAsync(sent.Id);
    }

    public async Task<InteractionRecord> ComponentAsync(string user, string customId, string messageId, IReadOnlyList<string>? values = null, string channel = "film-night")
    {
        var sent = await SendComponentAsync(user, customId, messageId, values, channel);
        return await AnsweredAsync(sent.Id);
    }

    /// <summary>Sends a component interaction without waiting for the answer.</summary>
    public Task<CreatedInteraction> SendComponentAsync(string user, string customId, string messageId, IReadOnlyList<string>? values = null, string channel = "film-night")
    {
        var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = values is null ? 2 : 3 };
        if (values is not null)
        {
            data["values"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
        }

        return control.SendInteractionAsync(new InteractionSpec(guild.Channels[channel], guild.Users[user], 3, data, guild.GuildId, messageId));
    }

    /// <summary>The interaction once the bot has answered it for good (after a defer: once the deferred reply arrived).</summary>
    public Task<InteractionRecord> AnsweredAsync(string id) => control.WaitUntilAnsweredAsync(id, RunningBot.Patience);

    /// <summary>A manager sets up a film track (plurality), three members nominate, and voting opens.</summary>
    public async Task OpenFilmVoteAsync(string manager = "boss")
    {
        var setup = await CommandAsync(manager, "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", guild.Channels["film-night"]), ("timezone", "Europe/Berlin"), ("method", "plurality")));
        Assert.Contains("Created **Film Night**", Content(setup), StringComparison.Ordinal);
        foreach (var (member, title) in new[] { ("ana", "Alien"), ("ben", "Heat"), ("cho", "Ran") })
        {
            Assert.StartsWith("New nomination!", Content(await CommandAsync(member, "nominate", Sub("film", ("title", title)))), StringComparison.Ordinal);
        }

        Assert.Contains("Voting is open", Content(await CommandAsync(manager, "club", Sub("open-voting"))), StringComparison.Ordinal);
    }

    /// <summary>Opens <paramref name="member"/>'s ballot form and chooses the first candidate; returns the form's message id and its submit button.</summary>
    public async Task<(string MessageId, string SubmitId)> PrepareBallotAsync(string member)
    {
        var form = await CommandAsync(member, "vote");
        var message = form.Original!;
        var components = message["components"]!.AsArray().SelectMany(row => row!["components"]!.AsArray()).ToList();
        var select = components.First(c => c!["custom_id"]!.GetValue<string>().StartsWith("ballot:choice:", StringComparison.Ordinal))!;
        var submit = components.First(c => c!["custom_id"]!.GetValue<string>().StartsWith("ballot:submit:", StringComparison.Ordinal))!["custom_id"]!.GetValue<string>();
        var messageId = message["id"]!.GetValue<string>();
        await ComponentAsync(member, select["custom_id"]!.GetValue<string>(), messageId, [select["options"]![0]!["value"]!.GetValue<string>()]);
        return (messageId, submit);
    }
}
