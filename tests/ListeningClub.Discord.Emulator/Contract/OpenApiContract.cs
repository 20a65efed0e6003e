using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Rest;
using NJsonSchema;
using NJsonSchema.Validation;

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
                $"Discord's openapi.json was not found at '{path}'. The emulator copies it from shared/discord/openapi.json " +
                "(beside the repository checkout) at build time; make sure that folder exists and rebuild, or set EmulatorSettings.OpenApiPath.",
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

        var errors = schema.Validate(json);
        if (errors.Count == 0)
        {
            return null;
        }

        var form = new FormErrors();
        foreach (var error in errors)
        {
            AddError(form, error);
        }

        return form;
    }

    private static readonly HashSet<ValidationErrorKind> TypeMismatch =
    [
        ValidationErrorKind.StringExpected, ValidationErrorKind.NumberExpected, ValidationErrorKind.IntegerExpected,
        ValidationErrorKind.BooleanExpected, ValidationErrorKind.ObjectExpected, ValidationErrorKind.ArrayExpected,
        ValidationErrorKind.NullExpected,
    ];

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

        var form = new FormErrors();
        foreach (var error in schema.Validate(json))
        {
            AddError(form, error);
        }

        return form.Any ? [form.ToJson().ToJsonString()] : [];
    }

    private static void AddError(FormErrors form, ValidationError error)
    {
        if (error is MultiTypeValidationError multi)
        {
            // ["array","null"] and friends: report the inner errors of the type the value really has.
            var inner = multi.Errors.Values.FirstOrDefault(list => list.Count > 0 && list.Any(e => !TypeMismatch.Contains(e.Kind)));
            if (inner is not null)
            {
                foreach (var e in inner)
                {
                    AddError(form, e);
                }

                return;
            }
        }

        if (error is ChildSchemaValidationError child)
        {
            var inner = error.Kind is ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf
                ? child.Errors.Values.Where(e => e.Count > 0).OrderBy(e => e.Count).FirstOrDefault() // the closest branch of a union
                : child.Errors.Values.SelectMany(e => e).ToList(); // array items, allOf parts, nested objects
            if (inner is { Count: > 0 })
            {
                foreach (var e in inner)
                {
                    AddError(form, e);
                }

                return;
            }
        }

        var path = ToDiscordPath(error.Path);
        var (code, message) = Describe(error);
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } property && !path.EndsWith(property, StringComparison.Ordinal))
        {
            path = path.Length == 0 ? property : path + "." + property;
        }

        form.Add(path, code, message);
    }

    /// <summary>"#/poll.answers[0].poll_media.text" → "poll.answers.0.poll_media.text".</summary>
    internal static string ToDiscordPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }

        var p = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        p = p.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('/', '.');
        return p.Trim('.');
    }

    private static (string Code, string Message) Describe(ValidationError error)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => ("BASE_TYPE_REQUIRED", "This field is required"),
            ValidationErrorKind.StringTooLong => ("BASE_TYPE_MAX_LENGTH", $"Must be {schema?.MaxLength} or fewer in length."),
            ValidationErrorKind.StringTooShort => ("BASE_TYPE_MIN_LENGTH", $"Must be {schema?.MinLength} or more in length."),
            ValidationErrorKind.TooManyItems => ("BASE_TYPE_MAX_LENGTH", $"Must be {schema?.MaxItems} or fewer in length."),
            ValidationErrorKind.TooFewItems => ("BASE_TYPE_MIN_LENGTH", $"Must be {schema?.MinItems} or more in length."),
            ValidationErrorKind.NumberTooBig => ("NUMBER_TYPE_MAX", $"int value should be less than or equal to {schema?.Maximum}."),
            ValidationErrorKind.NumberTooSmall => ("NUMBER_TYPE_MIN", $"int value should be greater than or equal to {schema?.Minimum}."),
            ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected => ("NUMBER_TYPE_COERCE", "Value is not int."),
            ValidationErrorKind.StringExpected => ("BASE_TYPE_STRING", "Could not interpret value as string."),
            ValidationErrorKind.BooleanExpected => ("BASE_TYPE_BOOLEAN", "Must be either true or false."),
            ValidationErrorKind.ArrayExpected => ("LIST_TYPE_CONVERT", "Must be an array."),
            ValidationErrorKind.ObjectExpected => ("DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType"),
            ValidationErrorKind.NotInEnumeration => ("BASE_TYPE_CHOICES", "Value must be one of the allowed values."),
            ValidationErrorKind.PatternMismatch => ("STRING_TYPE_REGEX", "String value did not match validation regex."),
            ValidationErrorKind.ItemsNotUnique => ("BASE_TYPE_UNIQUE", "Values must be unique."),
            ValidationErrorKind.NoTypeValidates when schema is not null => TypeCode(schema.Type),
            _ => ("BASE_TYPE_INVALID", $"Invalid value ({error.Kind})."),
        };
    }

    private static (string, string) TypeCode(JsonObjectType type) =>
        type.HasFlag(JsonObjectType.Boolean) ? ("BASE_TYPE_BOOLEAN", "Must be either true or false.")
        : type.HasFlag(JsonObjectType.String) ? ("BASE_TYPE_STRING", "Could not interpret value as string.")
        : type.HasFlag(JsonObjectType.Integer) || type.HasFlag(JsonObjectType.Number) ? ("NUMBER_TYPE_COERCE", "Value is not int.")
        : type.HasFlag(JsonObjectType.Array) ? ("LIST_TYPE_CONVERT", "Must be an array.")
        : type.HasFlag(JsonObjectType.Object) ? ("DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
        : ("BASE_TYPE_INVALID", "Invalid value.");

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
