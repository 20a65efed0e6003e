using System.Net;
using System.Text.Json;
using CsCheck;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Discord.Safety;
using ListeningClub.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Discord.Tests.Safety;

public sealed class NoUnaskedPingsPropertyTests
{
    private static readonly string[] Hostile =
    [
        "@everyone", "@here", "@EveryOne", "<@123>", "<@!123>", "<@&456>", "<@&999>", "<#789>", "@", "<", ">",
        "`", "```", "```cs\n", "**", "__", "~~", "||", "\\", "[click](https://evil.example)", "# ", "> ", "- ", "1. ", "-# ",
        "\n", "😀", "👨‍👩‍👧", "e\u0301", "\u200B", " ",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (8, Gen.OneOf(Hostile)),
        (2, Gen.String.Select(WellFormed)),
        (1, Gen.String[0, 1500].Select(WellFormed)));

    // Inputs are well-formed UTF-16 (lone surrogates are not text); the property is that cutting never creates one.
    private static string WellFormed(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }

    private static readonly Gen<string> Text = Piece.Array[0, 40].Select(string.Concat);

    private enum Kind
    {
        Create,
        Edit,
        FollowUp,
        EditOriginal,
        Reply,
        Update,
        ForumPost,
    }

    private static readonly Gen<Kind> Kinds = Gen.OneOf(Enum.GetValues<Kind>());

    [Fact]
    public async Task NoPayloadBuiltByTheClient_NotifiesAnyone_UnlessAsked()
    {
        using var h = new RestHarness();
        h.Handler.Respond = (r, _) => Task.FromResult(r.PathAndQuery.EndsWith("/callback", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : r.PathAndQuery.EndsWith("/threads", StringComparison.Ordinal)
                ? Responses.Json(HttpStatusCode.Created, """{"id":"5","type":11}""")
                : Responses.Message());

        await Gen.Select(Kinds, Text, Text, Text).SampleAsync(
            async (kind, content, title, field) =>
            {
                var (body, webhook) = await Send(h, kind, content, title, field, mentions: null);
                Assert.Empty(WhoWouldBeNotified.For(body, webhook));
                AssertWithinLimits(body);
            },
            iter: 150,
            threads: 1);
    }

    [Fact]
    public async Task ExplicitMentions_NotifyOnlyTheNamedUsersAndRoles()
    {
        using var h = new RestHarness();
        h.Handler.Respond = (r, _) => Task.FromResult(r.PathAndQuery.EndsWith("/callback", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : r.PathAndQuery.EndsWith("/threads", StringComparison.Ordinal)
                ? Responses.Json(HttpStatusCode.Created, """{"id":"5","type":11}""")
                : Responses.Message());

        await Gen.Select(Kinds, Text).SampleAsync(
            async (kind, content) =>
            {
                var (body, webhook) = await Send(h, kind, content, null, null, AllowedMentions.Only(users: [123], roles: [456]));
                var notified = WhoWouldBeNotified.For(body, webhook);
                Assert.Subset(new HashSet<string> { "user:123", "role:456" }, new HashSet<string>(notified));
            },
            iter: 100,
            threads: 1);
    }

    [Fact]
    public void EscapedText_NotifiesNobody_EvenWhenEverythingIsParsed()
    {
        Text.Sample(
            text =>
            {
                var escaped = DiscordText.Escape(text);
                var body = JsonSerializer.SerializeToElement(new MessageCreateRequest { Content = escaped }, Serialization.DiscordJsonContext.Default.MessageCreateRequest);
                Assert.Empty(WhoWouldBeNotified.For(body, webhookOrInteraction: false));
            },
            iter: 2000);
    }

    // The proactive global limit (50/s) holds requests on the fake clock: let each send move time on.
    private static Task<(JsonElement Body, bool Webhook)> Send(RestHarness h, Kind kind, string content, string? title, string? field, AllowedMentions? mentions) =>
        Eventually.Drive(SendOnce(h, kind, content, title, field, mentions), h.Clock, TimeSpan.FromSeconds(1));

    private static async Task<(JsonElement Body, bool Webhook)> SendOnce(RestHarness h, Kind kind, string content, string? title, string? field, AllowedMentions? mentions)
    {
        var embeds = title is null ? null : new[]
        {
            new Embed
            {
                Title = title,
                Description = content,
                Fields = [new EmbedField { Name = title, Value = field ?? "" }, new EmbedField { Name = "x", Value = content }],
                Footer = new EmbedFooter { Text = content },
                Author = new EmbedAuthor { Name = field ?? "a" },
            },
            new Embed { Description = content + content },
        };
        var components = new[]
        {
            Component.ActionRow(Component.Button(ButtonStyle.Primary, "vote:1", content)),
            Component.ActionRow(Component.StringSelect("pick", [new SelectOption { Label = content, Value = content, Description = content }])),
        };
        var before = h.Handler.Count;
        var webhook = true;
        switch (kind)
        {
            case Kind.Create:
                webhook = false;
                await h.Messages.CreateAsync(1, new MessageCreateRequest { Content = content, Embeds = embeds, Components = components, AllowedMentions = mentions }, default);
                break;
            case Kind.Edit:
                webhook = false;
                await h.Messages.EditAsync(1, 2, new MessageEditRequest { Content = content, Embeds = embeds, Components = components, AllowedMentions = mentions }, default);
                break;
            case Kind.FollowUp:
                await h.Interactions.CreateFollowUpAsync(3, "tok", new WebhookMessageRequest { Content = content, Embeds = embeds, Components = components, AllowedMentions = mentions }, default);
                break;
            case Kind.EditOriginal:
                await h.Interactions.EditOriginalResponseAsync(3, "tok", new WebhookMessageRequest { Content = content, Embeds = embeds, Components = components, AllowedMentions = mentions }, default);
                break;
            case Kind.Reply or Kind.Update:
                await h.Interactions.CreateResponseAsync(4, "tok", new InteractionResponse
                {
                    Type = kind == Kind.Reply ? InteractionCallbackType.ChannelMessageWithSource : InteractionCallbackType.UpdateMessage,
                    Data = new InteractionCallbackData { Content = content, Embeds = embeds, Components = components, AllowedMentions = mentions },
                }, default);
                break;
            case Kind.ForumPost:
                webhook = false;
                await h.Services.GetRequiredService<IThreadsApi>().StartForumPostAsync(1, new ForumPostRequest
                {
                    Name = content.Length == 0 ? "post" : content,
                    Message = new ForumPostMessage { Content = content, Embeds = embeds, Components = components, AllowedMentions = mentions },
                }, default);
                break;
        }

        Assert.Equal(before + 1, h.Handler.Count);
        var root = JsonDocument.Parse(h.Handler.Requests[^1].Body!).RootElement;
        var body = kind switch
        {
            Kind.Reply or Kind.Update => root.GetProperty("data"),
            Kind.ForumPost => root.GetProperty("message"),
            _ => root,
        };
        return (body, webhook);
    }

    private static void AssertWithinLimits(JsonElement body)
    {
        if (body.TryGetProperty("content", out var content))
        {
            Assert.InRange(content.GetString()!.Length, 0, DiscordLimits.Content);
            AssertNoLoneSurrogate(content.GetString()!);
        }

        if (body.TryGetProperty("embeds", out var embeds))
        {
            var total = 0;
            foreach (var e in embeds.EnumerateArray())
            {
                total += Len(e, "title", DiscordLimits.EmbedTitle) + Len(e, "description", DiscordLimits.EmbedDescription);
                if (e.TryGetProperty("footer", out var f))
                {
                    total += Len(f, "text", DiscordLimits.EmbedFooter);
                }

                if (e.TryGetProperty("author", out var a))
                {
                    total += Len(a, "name", DiscordLimits.EmbedAuthor);
                }

                if (e.TryGetProperty("fields", out var fields))
                {
                    foreach (var fl in fields.EnumerateArray())
                    {
                        total += Len(fl, "name", DiscordLimits.EmbedFieldName) + Len(fl, "value", DiscordLimits.EmbedFieldValue);
                        Assert.NotEmpty(fl.GetProperty("name").GetString()!);
                        Assert.NotEmpty(fl.GetProperty("value").GetString()!);
                    }
                }
            }

            Assert.InRange(total, 0, DiscordLimits.EmbedTotal);
        }

        if (body.TryGetProperty("components", out var rows))
        {
            foreach (var row in rows.EnumerateArray())
            {
                foreach (var c in row.GetProperty("components").EnumerateArray())
                {
                    Len(c, "label", DiscordLimits.ButtonLabel);
                    if (c.TryGetProperty("options", out var options))
                    {
                        foreach (var o in options.EnumerateArray())
                        {
                            Len(o, "label", DiscordLimits.SelectOptionLabel);
                            Len(o, "value", DiscordLimits.SelectOptionValue);
                            Len(o, "description", DiscordLimits.SelectOptionDescription);
                        }
                    }
                }
            }
        }
    }

    private static int Len(JsonElement e, string name, int max)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String)
        {
            return 0;
        }

        var s = v.GetString()!;
        Assert.InRange(s.Length, 0, max);
        AssertNoLoneSurrogate(s);
        return s.Length;
    }

    private static void AssertNoLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                Assert.True(i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]), "a surrogate pair was split");
                i++;
            }
            else
            {
                Assert.False(char.IsLowSurrogate(s[i]), "a lone low surrogate");
            }
        }
    }
}
