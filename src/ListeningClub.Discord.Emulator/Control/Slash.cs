using System.Globalization;
using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.Control;

/// <summary>For tests and benchmarks: slash-command options as Discord sends them, and a message as a member reads it.</summary>
public static class Slash
{
    public static JsonArray Sub(string name, params (string Name, object Value)[] options) => [Node(1, name, options)];

    public static JsonArray Group(string group, string name, params (string Name, object Value)[] options) =>
    [
        new JsonObject { ["type"] = 2, ["name"] = group, ["options"] = new JsonArray(Node(1, name, options)) },
    ];

    public static JsonArray Plain(params (string Name, object Value)[] options) => new(options.Select(Option).ToArray());

    /// <summary>
    /// The data of an autocomplete interaction (type 4) for <c>/command subcommand</c> while the member types
    /// <paramref name="typed"/> into the string option <paramref name="option"/>, the focused one.
    /// </summary>
    public static JsonObject Autocomplete(string command, string subcommand, string option, string typed) => new()
    {
        ["id"] = "1",
        ["name"] = command,
        ["type"] = 1,
        ["options"] = new JsonArray(new JsonObject
        {
            ["type"] = 1,
            ["name"] = subcommand,
            ["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = option, ["value"] = typed, ["focused"] = true }),
        }),
    };

    /// <summary>The text of the bot's last answer (reply, deferred edit or follow-up), embeds included.</summary>
    public static string Content(InteractionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Text(record.Followups.Count > 0 ? record.Followups[^1] : record.Original ?? record.Callbacks[^1]["data"] as JsonObject);
    }

    /// <summary>A message as a member reads it: content, then each embed's title, description, fields and footer.</summary>
    public static string Text(JsonObject? message)
    {
        var text = new System.Text.StringBuilder(message?["content"]?.GetValue<string>() ?? "");
        foreach (var embed in message?["embeds"]?.AsArray() ?? [])
        {
            text.Append('\n').Append(embed?["title"]).Append('\n').Append(embed?["description"]);
            foreach (var field in embed?["fields"]?.AsArray() ?? [])
            {
                text.Append('\n').Append(field?["name"]).Append(": ").Append(field?["value"]);
            }

            text.Append('\n').Append(embed?["footer"]?["text"]);
        }

        return text.ToString();
    }

    public static bool IsPrivate(InteractionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var flags = record.Callbacks[0]["data"]?["flags"]?.GetValue<int>() ?? 0;
        return (flags & 64) != 0;
    }

    private static JsonObject Node(int type, string name, (string Name, object Value)[] options) =>
        new() { ["type"] = type, ["name"] = name, ["options"] = new JsonArray(options.Select(Option).ToArray()) };

    private static JsonNode Option((string Name, object Value) option) => new JsonObject
    {
        ["name"] = option.Name,
        ["type"] = option.Value switch { int => 4, bool => 5, _ => 3 },
        ["value"] = option.Value switch
        {
            int i => JsonValue.Create(i),
            bool b => JsonValue.Create(b),
            var v => JsonValue.Create(Convert.ToString(v, CultureInfo.InvariantCulture)),
        },
    };
}
