using System.Text.Json;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Tests.Models;

public sealed class WireFormatTests
{
    [Fact]
    public void Snowflakes_AndPermissions_TravelAsDecimalStrings()
    {
        var json = JsonSerializer.Serialize(new ApplicationCommand { Name = "nominate", Description = "d", DefaultMemberPermissions = 1UL << 49, Id = 18446744073709551615 }, DiscordJsonContext.Default.ApplicationCommand);

        Assert.Contains("\"id\":\"18446744073709551615\"", json, StringComparison.Ordinal);
        Assert.Contains("\"default_member_permissions\":\"562949953421312\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowedMentionsNone_SerialisesAsAnEmptyParseList()
    {
        var json = JsonSerializer.Serialize(new MessageCreateRequest { Content = "x", AllowedMentions = AllowedMentions.None }, DiscordJsonContext.Default.MessageCreateRequest);

        Assert.Equal("""{"content":"x","allowed_mentions":{"parse":[]}}""", json);
    }

    [Fact]
    public void InteractionCreate_ParsesCommandWithSubcommandAndMemberPermissions()
    {
        const string Json = """
        {"id":"1100000000000000001","application_id":"42","type":2,"token":"tok","version":1,"guild_id":"7","channel_id":"8",
         "app_permissions":"562949953421312",
         "member":{"user":{"id":"5","username":"ann"},"roles":["9"],"permissions":"2147483648"},
         "data":{"id":"3","name":"club","type":1,"options":[{"name":"nominate","type":1,"options":[{"name":"title","type":3,"value":"Stalker","focused":true}]}]}}
        """;

        var interaction = JsonSerializer.Deserialize(Json, DiscordJsonContext.Default.Interaction)!;

        Assert.Equal(1100000000000000001UL, interaction.Id);
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal(2147483648UL, interaction.Member!.Permissions);
        Assert.Equal(5UL, interaction.Invoker!.Id);
        var sub = Assert.Single(interaction.Data!.Options!);
        Assert.Equal(ApplicationCommandOptionType.SubCommand, sub.Type);
        Assert.Equal("Stalker", sub.Options![0].Value!.Value.GetString());
        Assert.True(sub.Options[0].Focused);
    }

    [Fact]
    public void ModalSubmit_ParsesLabelWrappedTextInputs()
    {
        const string Json = """
        {"id":"1","application_id":"2","type":5,"token":"t","version":1,
         "data":{"custom_id":"nominate:film","components":[{"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"title","value":"Stalker"}}]}}
        """;

        var interaction = JsonSerializer.Deserialize(Json, DiscordJsonContext.Default.Interaction)!;

        var input = interaction.Data!.Components!.SelectMany(c => c.Flatten()).Single(c => c.Type == ComponentType.TextInput);
        Assert.Equal("title", input.CustomId);
        Assert.Equal("Stalker", input.Value);
    }

    [Fact]
    public void UnknownComponentTypes_StillParse()
    {
        const string Json = """{"id":"1","channel_id":"2","content":"","timestamp":"2026-01-01T00:00:00+00:00","type":0,"components":[{"type":17,"components":[{"type":10,"content":"hi"}]}]}""";

        var message = JsonSerializer.Deserialize(Json, DiscordJsonContext.Default.Message)!;

        Assert.Equal(ComponentType.Container, message.Components![0].Type);
    }

    [Fact]
    public void PollResults_Parse()
    {
        const string Json = """{"id":"1","channel_id":"2","content":"","timestamp":"2026-01-01T00:00:00+00:00","type":0,"poll":{"question":{"text":"Next?"},"answers":[{"answer_id":1,"poll_media":{"text":"Stalker"}}],"expiry":"2026-01-02T00:00:00+00:00","allow_multiselect":false,"layout_type":1,"results":{"is_finalized":true,"answer_counts":[{"id":1,"count":3,"me_voted":false}]}}}""";

        var message = JsonSerializer.Deserialize(Json, DiscordJsonContext.Default.Message)!;

        Assert.True(message.Poll!.Results!.IsFinalized);
        Assert.Equal(3, message.Poll.Results.AnswerCounts[0].Count);
    }

    [Fact]
    public void GatewayHeartbeat_WritesANullSequenceExplicitly()
    {
        var json = JsonSerializer.Serialize(new GatewayPayload { Op = 1, D = null }, DiscordJsonContext.Default.GatewayPayload);

        Assert.Equal("""{"op":1,"d":null}""", json);
    }
}
