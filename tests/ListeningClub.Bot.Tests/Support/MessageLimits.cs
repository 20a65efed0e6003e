using System.Text.Json;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>Discord's documented message limits, counted here on their own (not with the bot's helpers).</summary>
public static class MessageLimits
{
    /// <summary>
    /// The message is within every limit (2,000 content; 10 embeds; 256 title; 4,096 description; 25 fields; 256 field
    /// name; 1,024 field value; 2,048 footer; 6,000 across the embeds), so the client sends it exactly as rendered.
    /// </summary>
    public static void AssertWithin(MessageCreateRequest message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Assert.InRange(message.Content?.Length ?? 0, 0, 2000);
        var embeds = message.Embeds ?? [];
        Assert.InRange(embeds.Count, 0, 10);
        var total = 0;
        foreach (var embed in embeds)
        {
            Assert.InRange(embed.Title?.Length ?? 0, 0, 256);
            Assert.InRange(embed.Description?.Length ?? 0, 0, 4096);
            Assert.InRange(embed.Footer?.Text.Length ?? 0, 0, 2048);
            var fields = embed.Fields ?? [];
            Assert.InRange(fields.Count, 0, 25);
            Assert.All(fields, f => Assert.InRange(f.Name.Length, 1, 256));
            Assert.All(fields, f => Assert.InRange(f.Value.Length, 1, 1024));
            total += (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0) + fields.Sum(f => f.Name.Length + f.Value.Length);
        }

        Assert.InRange(total, 0, 6000);
        Assert.Equal(Json(message), Json(MessageSafety.Prepare(message)));
    }

    private static string Json(MessageCreateRequest message) => JsonSerializer.Serialize(message, DiscordJsonContext.Default.MessageCreateRequest);
}
