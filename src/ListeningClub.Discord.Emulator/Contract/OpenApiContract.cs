using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Rest;
using NJsonSchema;

namespace ListeningClub.Discord.Emulator.Contract;

/// <summary>
/// Request-body schemas from Discord's openapi.json, loaded once with NJsonSchema. The spec's
/// <c>#/components/schemas/</c> references are rewritten to <c>#/definitions/</c> and every schema
/// (plus one synthetic definition per operation's JSON request body) is put under <c>definitions</c>
/// of a single root, because NJsonSchema does not resolve OpenAPI component paths.
/// <c>additionalProperties: false</c> is dropped everywhere (Discord ignores unknown fields), and
/// <c>const</c> becomes a one-value <c>enum</c> (NJsonSchema does not enforce <c>const</c>).
/// </summary>
public sealed class OpenApiContract
{
    private const string OperationPrefix = "__op__";
    private const string ResponsePrefix = "__res__";
    private readonly JsonSchema _root;
    private readonly ConcurrentDictionary<string, JsonSchema?> _byOperation = new(StringComparer.Ordinal);

    private OpenApiContract(JsonSchema root, IReadOnlySet<string> operations)
    {
        _root = root;
        Operations = operations;
    }

    /// <summary>Operations that have a JSON request body schema.</summary>
    public IReadOnlySet<string> Operations { get; }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "openapi.json");

    public static async Task<OpenApiContract> LoadAsync(string? path, CancellationToken ct)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Discord's openapi.json was not found at '{path}'. The emulator copies it from third_party/discord-api-spec/openapi.json " +
                "in the repository at build time; rebuild the emulator, or set EmulatorSettings.OpenApiPath.",
                path);
        }

        var text = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
        text = text.Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
        var spec = JsonNode.Parse(text)!.AsObject();
        var definitions = (JsonObject)spec["components"]!["schemas"]!.DeepClone();
        var operations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, pathItem) in spec["paths"]!.AsObject())
        {
            foreach (var (_, op) in pathItem!.AsObject())
            {
                if (op is JsonObject operation && operation["operationId"]?.GetValue<string>() is { } id
                    && operation["requestBody"]?["content"]?["application/json"]?["schema"] is JsonNode schema)
                {
                    definitions[OperationPrefix + id] = schema.DeepClone();
                    operations.Add(id);
                }

                if (op is JsonObject withResponses && withResponses["operationId"]?.GetValue<string>() is { } opId && withResponses["responses"] is JsonObject responses)
                {
                    foreach (var (status, response) in responses)
                    {
                        if (response?["content"]?["application/json"]?["schema"] is JsonNode responseSchema)
                        {
                            definitions[ResponsePrefix + opId + "__" + status] = responseSchema.DeepClone();
                        }
                    }
                }
            }
        }

        Normalise(definitions);
        AcceptStringPermissions(definitions);
        var root = new JsonObject { ["definitions"] = definitions };
        var loaded = await JsonSchema.FromJsonAsync(root.ToJsonString(), ct).ConfigureAwait(false);
        return new OpenApiContract(loaded, operations);
    }

    /// <summary>Validates a body against the operation's request schema; null when there is no schema or it passes.</summary>
    public FormErrors? Validate(string operationId, string json)
    {
        var schema = _byOperation.GetOrAdd(operationId, id => _root.Definitions.TryGetValue(OperationPrefix + id, out var s) ? s : null);
        if (schema is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var form = new FormErrors();
        SchemaValidator.Validate(schema, document.RootElement, "", form);
        return form.Any ? form : null;
    }

    /// <summary>
    /// Validates a response body against the spec's response schema for (operation, status). Returns the
    /// problems as "path: kind" strings, empty when valid; null when the spec has no schema for it.
    /// </summary>
    public IReadOnlyList<string>? ValidateResponse(string operationId, int status, string json)
    {
        if (!_root.Definitions.TryGetValue(ResponsePrefix + operationId + "__" + status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var schema))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var form = new FormErrors();
        SchemaValidator.Validate(schema, document.RootElement, "", form);
        return form.Any ? [form.ToJson().ToJsonString()] : [];
    }

    /// <summary>
    /// Spec vs docs (REFERENCE.md §0): command requests type <c>default_member_permissions</c> as an
    /// integer, the docs as a decimal string; Discord accepts both, so the request schemas do too.
    /// </summary>
    private static void AcceptStringPermissions(JsonObject definitions)
    {
        foreach (var name in new[] { "ApplicationCommandCreateRequest", "ApplicationCommandPatchRequestPartial", "ApplicationCommandUpdateRequest" })
        {
            if (definitions[name]?["properties"] is JsonObject properties && properties["default_member_permissions"] is JsonNode integer)
            {
                properties["default_member_permissions"] = new JsonObject
                {
                    ["anyOf"] = new JsonArray(integer.DeepClone(), new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{1,20}$" }),
                };
            }
        }
    }

    private static void Normalise(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["additionalProperties"] is JsonValue v && v.TryGetValue<bool>(out var b) && !b)
                {
                    obj.Remove("additionalProperties");
                }

                // NJsonSchema ignores "const" (draft 6); as a one-value enum it is enforced.
                if (obj.ContainsKey("const"))
                {
                    var value = obj["const"]?.DeepClone();
                    obj.Remove("const");
                    obj["enum"] = new JsonArray(value);
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Normalise(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Normalise(child);
                }

                break;
        }
    }
}
