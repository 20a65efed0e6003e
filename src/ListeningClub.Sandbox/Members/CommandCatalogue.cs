using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;

namespace ListeningClub.Sandbox.Members;

/// <summary>One thing a member can type after the slash: a command, or a command's subcommand (in its group), with its options as registered.</summary>
public sealed record CommandPath(string Path, string CommandId, string CommandName, string? Group, string? Subcommand, string Description, JsonArray Options);

/// <summary>
/// The bot's slash commands as the emulator holds them (what the bot registered), flattened into the paths a member
/// types: <c>/nominate film</c>, <c>/club prompts add</c>. Builds an interaction's <c>data</c> from a path and the
/// values typed into its options, typed as each option's definition says.
/// </summary>
public sealed class CommandCatalogue(IReadOnlyList<CommandPath> paths)
{
    public IReadOnlyList<CommandPath> Paths { get; } = paths;

    public static CommandCatalogue From(IEnumerable<CommandView> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var paths = new List<CommandPath>();
        foreach (var view in commands.Where(c => (c.Command["type"]?.GetValue<int>() ?? 1) == 1))
        {
            var command = view.Command;
            var name = command["name"]!.GetValue<string>();
            var options = command["options"] as JsonArray ?? [];
            var nested = options.OfType<JsonObject>().Where(o => Type(o) is 1 or 2).ToList();
            if (nested.Count == 0)
            {
                paths.Add(new CommandPath(name, view.Id, name, null, null, Text(command, "description"), options));
                continue;
            }

            foreach (var option in nested)
            {
                if (Type(option) == 1)
                {
                    var sub = option["name"]!.GetValue<string>();
                    paths.Add(new CommandPath($"{name} {sub}", view.Id, name, null, sub, Text(option, "description"), option["options"] as JsonArray ?? []));
                    continue;
                }

                var group = option["name"]!.GetValue<string>();
                foreach (var leaf in (option["options"] as JsonArray ?? []).OfType<JsonObject>().Where(o => Type(o) == 1))
                {
                    var sub = leaf["name"]!.GetValue<string>();
                    paths.Add(new CommandPath($"{name} {group} {sub}", view.Id, name, group, sub, Text(leaf, "description"), leaf["options"] as JsonArray ?? []));
                }
            }
        }

        return new CommandCatalogue(paths.OrderBy(p => p.Path, StringComparer.Ordinal).ToList());
    }

    public CommandPath? Find(string path) => Paths.FirstOrDefault(p => string.Equals(p.Path, path, StringComparison.Ordinal));

    /// <summary>
    /// The interaction data for <paramref name="path"/> with the typed <paramref name="values"/> (empty ones left out), or
    /// a problem to show the member. With <paramref name="focused"/> (autocomplete), that option is sent as typed and focused.
    /// </summary>
    public static (JsonObject? Data, string? Problem) Data(CommandPath path, IReadOnlyDictionary<string, string> values, string? focused = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(values);
        var leaf = new JsonArray();
        foreach (var option in path.Options.OfType<JsonObject>())
        {
            var name = option["name"]!.GetValue<string>();
            var type = Type(option);
            var isFocused = string.Equals(name, focused, StringComparison.Ordinal);
            if (!values.TryGetValue(name, out var text) || (text.Length == 0 && !isFocused))
            {
                if (focused is null && option["required"]?.GetValue<bool>() == true)
                {
                    return (null, $"{name} is required.");
                }

                continue;
            }

            JsonNode? value;
            if (isFocused)
            {
                value = JsonValue.Create(text);
            }
            else
            {
                value = Typed(type, text.Trim());
                if (value is null)
                {
                    return (null, $"{name}: '{text}' is not {Expected(type)}.");
                }
            }

            var node = new JsonObject { ["name"] = name, ["type"] = type, ["value"] = value };
            if (isFocused)
            {
                node["focused"] = true;
            }

            leaf.Add(node);
        }

        JsonArray options = leaf;
        if (path.Subcommand is { } sub)
        {
            options = [new JsonObject { ["type"] = 1, ["name"] = sub, ["options"] = leaf }];
            if (path.Group is { } group)
            {
                options = [new JsonObject { ["type"] = 2, ["name"] = group, ["options"] = options }];
            }
        }

        return (new JsonObject { ["id"] = path.CommandId, ["name"] = path.CommandName, ["type"] = 1, ["options"] = options }, null);
    }

    private static JsonValue? Typed(int type, string text) => type switch
    {
        4 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : null,
        10 => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : null,
        5 => text.ToUpperInvariant() switch
        {
            "TRUE" => JsonValue.Create(true),
            "FALSE" => JsonValue.Create(false),
            _ => null,
        },
        _ => JsonValue.Create(text),
    };

    private static string Expected(int type) => type switch
    {
        4 => "a whole number",
        10 => "a number",
        5 => "True or False",
        _ => "valid",
    };

    private static int Type(JsonObject option) => option["type"]?.GetValue<int>() ?? 3;

    private static string Text(JsonObject node, string name) => node[name]?.GetValue<string>() ?? "";
}
