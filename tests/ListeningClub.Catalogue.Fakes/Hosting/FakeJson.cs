using System.Text.Json;
using System.Text.Json.Nodes;

namespace ListeningClub.Catalogue.Fakes.Hosting;

/// <summary>JSON answers built field by field with the documented names (not from the client's models: a fake that shared them would hide a wrong name).</summary>
public static class FakeJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok(JsonNode body) => Results.Text(body.ToJsonString(Options), "application/json; charset=utf-8", statusCode: StatusCodes.Status200OK);

    public static IResult Status(int status, JsonNode body) => Results.Text(body.ToJsonString(Options), "application/json; charset=utf-8", statusCode: status);

    public static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    public static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(s => (JsonNode?)JsonValue.Create(s))]);
}
