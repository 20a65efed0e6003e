using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using ListeningClub.Catalogue.Model;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// A <see cref="CatalogueItem"/> as the JSON kept in a catalogue entry, and back. Computed properties (kind, label) are
/// not written; a catalogue id is its text form (<c>tmdb:348</c>); fields a later version adds are skipped on reading.
/// Reading is strict: anything but an item with its required fields, non-null where the item says so, throws
/// <see cref="JsonException"/>.
/// </summary>
internal static class StoredCatalogueItemJson
{
    // Letters of every script are written as they are (a Japanese title is not six times longer as \u escapes); what
    // matters to HTML is still escaped, though nothing here is ever put into HTML.
    private static readonly StoredCatalogueItemJsonContext Context = new(
        new JsonSerializerOptions(StoredCatalogueItemJsonContext.Default.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    public static string Write(CatalogueItem item) => JsonSerializer.Serialize(item, Context.CatalogueItem);

    public static CatalogueItem Read(string json)
    {
        var item = JsonSerializer.Deserialize(json, Context.CatalogueItem) ?? throw new JsonException("The entry holds null, not an item.");

        // Without "tags" the generated reader sets Tags to null (it does not keep an init-only property's initial value).
        if (item.Tags is null)
        {
            return item with { Tags = [] };
        }

        return item.Tags.Any(tag => tag is null) ? throw new JsonException("The item's tags hold a null.") : item;
    }
}

[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    IgnoreReadOnlyProperties = true,
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    Converters = [typeof(CatalogueIdJsonConverter)])]
[JsonSerializable(typeof(CatalogueItem))]
internal sealed partial class StoredCatalogueItemJsonContext : JsonSerializerContext;

/// <summary>A <see cref="CatalogueId"/> as its <see cref="CatalogueId.ToString"/> form, read back with <see cref="CatalogueId.TryParse"/>.</summary>
internal sealed class CatalogueIdJsonConverter : JsonConverter<CatalogueId>
{
    public override CatalogueId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && CatalogueId.TryParse(reader.GetString(), out var id)
            ? id.Value
            : throw new JsonException("A catalogue id is a string such as \"tmdb:348\" or \"musicbrainz:{MBID}\".");

    public override void Write(Utf8JsonWriter writer, CatalogueId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
