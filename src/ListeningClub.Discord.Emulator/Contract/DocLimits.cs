using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ListeningClub.Discord.Emulator.Mentions;
using ListeningClub.Discord.Emulator.Rest;

namespace ListeningClub.Discord.Emulator.Contract;

/// <summary>
/// The documented limits that are stricter than openapi.json (REFERENCE.md §0: docs win), and the
/// semantic rules the spec cannot express (allowed_mentions exclusion, custom_id, embed totals, commands).
/// </summary>
public static partial class DocLimits
{
    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommandName();

    public static FormErrors? Check(string operationId, JsonNode? body)
    {
        var errors = new FormErrors();
        switch (operationId)
        {
            case "create_message":
            case "update_message":
            case "execute_webhook":
            case "update_original_webhook_message":
            case "update_webhook_message":
                if (body is JsonObject message)
                {
                    CheckMessage(errors, message, "");
                }

                break;
            case "create_interaction_response":
                if (body is JsonObject callback)
                {
                    CheckCallback(errors, callback);
                }

                break;
            case "bulk_set_application_commands":
            case "bulk_set_guild_application_commands":
                if (body is JsonArray commands)
                {
                    CheckCommands(errors, commands);
                }

                break;
            case "create_application_command":
            case "create_guild_application_command":
                if (body is JsonObject command)
                {
                    CheckCommand(errors, command, "");
                }

                break;
            case "create_thread":
                if (body?["message"] is JsonObject starter)
                {
                    CheckMessage(errors, starter, "message");
                }

                break;
            default:
                break;
        }

        return errors.Any ? errors : null;
    }

    public static void CheckMessage(FormErrors errors, JsonObject m, string prefix)
    {
        var p = prefix.Length == 0 ? "" : prefix + ".";
        if (Str(m["content"]) is { } content && content.Length > 2000)
        {
            errors.Add(p + "content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
        }

        if (m["embeds"] is JsonArray embeds)
        {
            CheckEmbeds(errors, embeds, p + "embeds");
        }

        if (m["poll"] is JsonObject poll)
        {
            CheckPoll(errors, poll, p + "poll");
        }

        if (m["components"] is JsonArray components)
        {
            CheckCustomIds(errors, components, p + "components", []);
        }

        if (MentionResolver.Validate(m["allowed_mentions"], prefix) is { } mentionErrors)
        {
            errors.AddAll(mentionErrors);
        }
    }

    private static void CheckEmbeds(FormErrors errors, JsonArray embeds, string path)
    {
        if (embeds.Count > 10)
        {
            errors.Add(path, "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            if (embeds[i] is not JsonObject e)
            {
                continue;
            }

            var at = $"{path}.{i}";
            total += Limit(errors, e["title"], at + ".title", 256);
            total += Limit(errors, e["description"], at + ".description", 4096);
            total += Limit(errors, e["footer"]?["text"], at + ".footer.text", 2048);
            total += Limit(errors, e["author"]?["name"], at + ".author.name", 256);
            if (e["fields"] is JsonArray fields)
            {
                if (fields.Count > 25)
                {
                    errors.Add(at + ".fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
                }

                for (var f = 0; f < fields.Count; f++)
                {
                    total += Limit(errors, fields[f]?["name"], $"{at}.fields.{f}.name", 256);
                    total += Limit(errors, fields[f]?["value"], $"{at}.fields.{f}.value", 1024);
                }
            }

            if (e["color"] is JsonValue color && color.TryGetValue<long>(out var c) && (c < 0 || c > 0xFFFFFF))
            {
                errors.Add(at + ".color", "NUMBER_TYPE_MAX", "int value should be less than or equal to 16777215.");
            }
        }

        if (total > 6000)
        {
            errors.Add(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
        }
    }

    private static void CheckPoll(FormErrors errors, JsonObject poll, string path)
    {
        Limit(errors, poll["question"]?["text"], path + ".question.text", 300);
        if (poll["answers"] is JsonArray answers)
        {
            if (answers.Count > 10)
            {
                errors.Add(path + ".answers", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
            }

            for (var i = 0; i < answers.Count; i++)
            {
                // Docs: answer text ≤ 55 (the spec shares the question's 300).
                Limit(errors, answers[i]?["poll_media"]?["text"], $"{path}.answers.{i}.poll_media.text", 55);
            }
        }

        if (poll["duration"] is JsonValue d && d.TryGetValue<int>(out var hours) && (hours < 1 || hours > 768))
        {
            errors.Add(path + ".duration", "NUMBER_TYPE_MAX", "Duration must be between 1 and 768 hours.");
        }
    }

    private static void CheckCustomIds(FormErrors errors, JsonArray components, string path, HashSet<string> seen)
    {
        for (var i = 0; i < components.Count; i++)
        {
            if (components[i] is JsonObject c)
            {
                CheckComponent(errors, c, $"{path}.{i}", seen);
            }
        }
    }

    private static void CheckComponent(FormErrors errors, JsonObject c, string at, HashSet<string> seen)
    {
        if (Str(c["custom_id"]) is { } customId)
        {
            if (customId.Length is < 1 or > 100)
            {
                errors.Add(at + ".custom_id", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }
            else if (!seen.Add(customId))
            {
                errors.Add(at + ".custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
            }
        }

        if (c["components"] is JsonArray children)
        {
            CheckCustomIds(errors, children, at + ".components", seen);
        }

        if (c["component"] is JsonObject single)
        {
            CheckComponent(errors, single, at + ".component", seen);
        }
    }

    private static void CheckCallback(FormErrors errors, JsonObject callback)
    {
        var type = callback["type"] is JsonValue t && t.TryGetValue<int>(out var ty) ? ty : 0;
        var data = callback["data"] as JsonObject;
        switch (type)
        {
            case 4 or 7 when data is not null:
                CheckMessage(errors, data, "data");
                break;
            case 5 when data is not null && data["flags"] is JsonValue f && f.TryGetValue<long>(out var flags) && (flags & ~64L) != 0:
                errors.Add("data.flags", "INTERACTION_RESPONSE_FLAGS_INVALID", "Only the EPHEMERAL flag may be set on a deferred response.");
                break;
            case 8 when data is not null && data["choices"] is JsonArray choices:
                if (choices.Count > 25)
                {
                    errors.Add("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
                }

                for (var i = 0; i < choices.Count; i++)
                {
                    Limit(errors, choices[i]?["name"], $"data.choices.{i}.name", 100);
                    Limit(errors, choices[i]?["value"], $"data.choices.{i}.value", 100);
                }

                break;
            case 9 when data is not null:
                if (Str(data["custom_id"]) is { } customId && customId.Length is < 1 or > 100)
                {
                    errors.Add("data.custom_id", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
                }

                Limit(errors, data["title"], "data.title", 45);
                if (data["components"] is JsonArray components)
                {
                    // Docs: 1–5 components (the spec allows 40).
                    if (components.Count is < 1 or > 5)
                    {
                        errors.Add("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
                    }

                    CheckCustomIds(errors, components, "data.components", []);
                }

                break;
            default:
                break;
        }
    }

    private static void CheckCommands(FormErrors errors, JsonArray commands)
    {
        var names = new HashSet<(int, string)>();
        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i] is JsonObject c)
            {
                CheckCommand(errors, c, i.ToString(CultureInfo.InvariantCulture));
                var key = (c["type"] is JsonValue t && t.TryGetValue<int>(out var ty) ? ty : 1, Str(c["name"]) ?? "");
                if (!names.Add(key))
                {
                    errors.Add($"{i}.name", "APPLICATION_COMMANDS_DUPLICATE_NAME", $"Application command names must be unique");
                }
            }
        }

        var counts = commands.OfType<JsonObject>().GroupBy(c => c["type"] is JsonValue t && t.TryGetValue<int>(out var ty) ? ty : 1).ToDictionary(g => g.Key, g => g.Count());
        if (counts.GetValueOrDefault(1) > 100 || counts.GetValueOrDefault(2) > 15 || counts.GetValueOrDefault(3) > 15)
        {
            errors.Add("", "APPLICATION_COMMANDS_TOO_MANY", "Too many application commands of one type (100 chat input, 15 user, 15 message).");
        }
    }

    private static void CheckCommand(FormErrors errors, JsonObject c, string path)
    {
        var p = path.Length == 0 ? "" : path + ".";
        var type = c["type"] is JsonValue t && t.TryGetValue<int>(out var ty) ? ty : 1;
        if (Str(c["name"]) is { } name)
        {
            if (!CommandName().IsMatch(name))
            {
                errors.Add(p + "name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
            }
            else if (type == 1 && !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
            {
                errors.Add(p + "name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
            }
        }

        if (type == 1 && Str(c["description"]) is { } description && description.Length is < 1 or > 100)
        {
            errors.Add(p + "description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        }

        if (c["options"] is JsonArray options)
        {
            CheckOptions(errors, options, p + "options");
        }
    }

    private static void CheckOptions(FormErrors errors, JsonArray options, string path)
    {
        if (options.Count > 25)
        {
            errors.Add(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }

        var seenOptional = false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i] is not JsonObject o)
            {
                continue;
            }

            var at = $"{path}.{i}";
            var required = o["required"] is JsonValue r && r.TryGetValue<bool>(out var req) && req;
            if (required && seenOptional)
            {
                errors.Add(at + ".required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
            }

            seenOptional |= !required;
            if (Str(o["name"]) is { } name)
            {
                if (!CommandName().IsMatch(name) || !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
                {
                    errors.Add(at + ".name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
                }

                if (!names.Add(name))
                {
                    errors.Add(at + ".name", "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique");
                }
            }

            if (Str(o["description"]) is { } description && description.Length is < 1 or > 100)
            {
                errors.Add(at + ".description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }

            if (o["choices"] is JsonArray choices)
            {
                if (choices.Count > 25)
                {
                    errors.Add(at + ".choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
                }

                if (o["autocomplete"] is JsonValue a && a.TryGetValue<bool>(out var auto) && auto && choices.Count > 0)
                {
                    errors.Add(at + ".autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_EXCLUSIVE", "Autocomplete cannot be set with choices");
                }

                for (var k = 0; k < choices.Count; k++)
                {
                    Limit(errors, choices[k]?["name"], $"{at}.choices.{k}.name", 100);

                    // Docs: string choice values ≤ 100 (the spec allows 6000).
                    Limit(errors, choices[k]?["value"], $"{at}.choices.{k}.value", 100);
                }
            }

            if (o["options"] is JsonArray nested)
            {
                CheckOptions(errors, nested, at + ".options");
            }
        }
    }

    private static int Limit(FormErrors errors, JsonNode? node, string path, int max)
    {
        if (Str(node) is not { } s)
        {
            return 0;
        }

        if (s.Length > max)
        {
            errors.Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");
        }

        return s.Trim().Length;
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
