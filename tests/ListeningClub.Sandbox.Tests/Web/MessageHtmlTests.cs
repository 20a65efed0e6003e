using System.Text.Json.Nodes;
using ListeningClub.Sandbox.Web;

namespace ListeningClub.Sandbox.Tests.Web;

/// <summary>Messages as the page renders them: text from members and the bot never becomes markup; private replies stay private.</summary>
public sealed class MessageHtmlTests
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'";

    private static readonly MentionNames Names = new(
        new Dictionary<string, string> { ["11"] = "Ada", ["12"] = "<b>Ben</b>" },
        new Dictionary<string, string> { ["21"] = "film-night" },
        new Dictionary<string, string> { ["31"] = "Club Manager" });

    private static readonly ReaderContext Ada = new("11", Names, new Dictionary<string, IReadOnlyList<int>>());

    [Fact]
    public void EveryTextOfAMessage_IsEscaped_AndOnlyWebLinksBecomeLinks()
    {
        var message = Message("1", Hostile + " [click](javascript:alert(3)) [ok](https://example.org/a?b=1&c=2) <@12> **bold**");
        message["author"] = new JsonObject { ["id"] = "99", ["username"] = Hostile, ["bot"] = true };
        message["embeds"] = new JsonArray(new JsonObject
        {
            ["title"] = Hostile,
            ["url"] = "javascript:alert(4)",
            ["description"] = Hostile,
            ["color"] = 0x5865f2,
            ["fields"] = new JsonArray(new JsonObject { ["name"] = Hostile, ["value"] = Hostile }),
            ["footer"] = new JsonObject { ["text"] = Hostile },
            ["image"] = new JsonObject { ["url"] = "javascript:alert(5)" },
        });
        message["components"] = new JsonArray(new JsonObject
        {
            ["type"] = 1,
            ["components"] = new JsonArray(
                new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = Hostile, ["custom_id"] = Hostile },
                new JsonObject { ["type"] = 2, ["style"] = 5, ["label"] = "docs", ["url"] = "javascript:alert(6)" }),
        });
        message["poll"] = new JsonObject
        {
            ["question"] = new JsonObject { ["text"] = Hostile },
            ["answers"] = new JsonArray(new JsonObject { ["answer_id"] = 1, ["poll_media"] = new JsonObject { ["text"] = Hostile } }),
        };

        var html = MessageHtml.Render([message], Ada);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html.Replace("[click](javascript:alert(3))", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Ben</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\" target=\"_blank\">ok</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"mention\">@&lt;b&gt;Ben&lt;/b&gt;</span>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEphemeralReply_IsShownOnlyToTheMemberItAnswered()
    {
        var ballot = Message("2", "**Film Night** ballot");
        ballot["flags"] = 64;
        ballot["interaction_metadata"] = new JsonObject { ["id"] = "5", ["type"] = 3, ["user"] = new JsonObject { ["id"] = "12", ["username"] = "Ben" } };
        var open = Message("3", "Voting is open");

        var asBen = MessageHtml.Render([open, ballot], new ReaderContext("12", Names, new Dictionary<string, IReadOnlyList<int>>()));
        var asAda = MessageHtml.Render([open, ballot], Ada);

        Assert.Contains("ballot", asBen, StringComparison.Ordinal);
        Assert.Contains("Only you can see this", asBen, StringComparison.Ordinal);
        Assert.DoesNotContain("ballot", asAda, StringComparison.Ordinal);
        Assert.Contains("Voting is open", asAda, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUploadedPicture_IsShownFromTheSandbox_AndAPictureOnTheWebIsOnlyALink()
    {
        var message = Message("4", "");
        message["attachments"] = new JsonArray(new JsonObject { ["id"] = "77", ["filename"] = "result.png", ["content_type"] = "image/png", ["description"] = "Alien wins, 2 of 2" });
        message["embeds"] = new JsonArray(
            new JsonObject { ["title"] = "Alien", ["image"] = new JsonObject { ["url"] = "attachment://result.png" } },
            new JsonObject { ["title"] = "Poster", ["thumbnail"] = new JsonObject { ["url"] = "https://image.example/p.jpg" } });

        var html = MessageHtml.Render([message], Ada);

        Assert.Contains("<img class=\"embed-image\" src=\"/attachments/77/result.png\" alt=\"Alien wins, 2 of 2\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img class=\"embed-thumbnail\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://image.example/p.jpg\"", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<img").Length - 1); // the picture once, not again as an attachment
    }

    [Fact]
    public void Timestamps_ReadInUtc_AndRelativeOnesFromTheMomentOfReading()
    {
        var now = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
        var names = Names with { Now = now };
        var closes = now.AddDays(3).AddHours(12).ToUnixTimeSeconds();

        var html = DiscordMarkdown.ToHtml($"Voting closes <t:{closes}:F> (<t:{closes}:R>); opened <t:{now.AddHours(-2).ToUnixTimeSeconds()}:R>.", names);

        Assert.Contains(">Thu 10 Dec 2026, 18:00 UTC</time>", html, StringComparison.Ordinal);
        Assert.Contains(">in 3 days</time>", html, StringComparison.Ordinal);
        Assert.Contains(">2 hours ago</time>", html, StringComparison.Ordinal);
    }

    private static JsonObject Message(string id, string content) => new()
    {
        ["id"] = id,
        ["channel_id"] = "21",
        ["author"] = new JsonObject { ["id"] = "99", ["username"] = "ClubBot", ["bot"] = true },
        ["content"] = content,
        ["timestamp"] = "2026-12-07T06:00:00.000000+00:00",
        ["flags"] = 0,
    };
}
