using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ListeningClub.Storage.Postgres.Mapping;

/// <summary>
/// Lossless JSON for the <c>doc</c> columns. Written with <see cref="Utf8JsonWriter"/> and read with
/// <see cref="JsonDocument"/>, by hand (no reflection): Discord ids as unsigned 64-bit numbers (exact up to 2^64 − 1),
/// instants as UTC ticks (exact to the tick), enums by name, text as given (every character escaped as JSON needs, so
/// even U+0000, which a PostgreSQL <c>text</c> value cannot hold, survives inside the document).
/// </summary>
internal static class Doc
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 16 };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static T Read<T>(string json, Func<JsonElement, T> read)
    {
        using var document = JsonDocument.Parse(json, ReaderOptions);
        return read(document.RootElement);
    }

    public static void Instant(this Utf8JsonWriter writer, string name, DateTimeOffset instant) => writer.WriteNumber(name, instant.UtcTicks);

    public static void OptionalInstant(this Utf8JsonWriter writer, string name, DateTimeOffset? instant)
    {
        if (instant is { } value)
        {
            writer.WriteNumber(name, value.UtcTicks);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void OptionalString(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    public static void OptionalId(this Utf8JsonWriter writer, string name, ulong? id)
    {
        if (id is { } value)
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void OptionalInt(this Utf8JsonWriter writer, string name, int? number)
    {
        if (number is { } value)
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void Enum<TEnum>(this Utf8JsonWriter writer, string name, TEnum value)
        where TEnum : struct, Enum => writer.WriteString(name, value.ToString());

    /// <summary>The property, or an undefined element when it is absent (documents written before it existed).</summary>
    public static JsonElement Get(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : default;

    public static bool IsAbsentOrNull(this JsonElement element) => element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()
        ?? throw new InvalidDataException($"The stored field {name} is null.");

    public static string? OptionalText(this JsonElement element, string name) => element.Get(name) is var value && value.IsAbsentOrNull() ? null : value.GetString();

    public static ulong Id(this JsonElement element, string name) => element.GetProperty(name).GetUInt64();

    public static ulong? OptionalId(this JsonElement element, string name) => element.Get(name) is var value && value.IsAbsentOrNull() ? null : value.GetUInt64();

    public static int Int(this JsonElement element, string name) => element.GetProperty(name).GetInt32();

    public static int? OptionalInt(this JsonElement element, string name) => element.Get(name) is var value && value.IsAbsentOrNull() ? null : value.GetInt32();

    public static bool Bool(this JsonElement element, string name) => element.GetProperty(name).GetBoolean();

    public static Guid Guid(this JsonElement element, string name) => element.GetProperty(name).GetGuid();

    public static DateTimeOffset Instant(this JsonElement element, string name) => new(element.GetProperty(name).GetInt64(), TimeSpan.Zero);

    public static DateTimeOffset? OptionalInstant(this JsonElement element, string name) =>
        element.Get(name) is var value && value.IsAbsentOrNull() ? null : new DateTimeOffset(value.GetInt64(), TimeSpan.Zero);

    public static TEnum Enum<TEnum>(this JsonElement element, string name)
        where TEnum : struct, Enum => System.Enum.Parse<TEnum>(element.Text(name), ignoreCase: false);

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);
}
