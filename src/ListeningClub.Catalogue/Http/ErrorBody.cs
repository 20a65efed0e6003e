using System.Globalization;
using System.Text.Json;
using ListeningClub.Catalogue.Model;

namespace ListeningClub.Catalogue.Http;

/// <summary>
/// A short description of an error answer for the log: the HTTP status plus what the service said, from TMDB's
/// <c>{"status_code", "status_message"}</c> or MusicBrainz's <c>{"error"}</c>. Never throws; reads at most 8 KB.
/// </summary>
internal static class ErrorBody
{
    private const int MaxBytes = 8 * 1024;

    public static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
        if (!CappedBody.IsJson(response.Content.Headers.ContentType))
        {
            return status;
        }

        try
        {
            var body = await CappedBody.ReadAsync(response.Content, MaxBytes, ct).ConfigureAwait(false);
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return status;
            }

            var code = root.TryGetProperty("status_code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetRawText() : null;
            var message = Text(root, "status_message") ?? Text(root, "error");
            return (code, message) switch
            {
                (not null, not null) => $"{status}, status_code {code}: {message}",
                (null, not null) => $"{status}: {message}",
                _ => status,
            };
        }
        catch (Exception e) when (e is JsonException or ResponseTooLargeException or HttpRequestException or IOException)
        {
            return status;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? CatalogueText.Line(value.GetString(), 200) : null;
}
