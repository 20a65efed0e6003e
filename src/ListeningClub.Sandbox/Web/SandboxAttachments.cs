using Microsoft.AspNetCore.Http;

namespace ListeningClub.Sandbox.Web;

/// <summary>
/// Files members and the bot uploaded, served to the page from the emulator's store (so the page loads pictures from
/// its own origin only). Pictures are served as what they are; anything else only as a download.
/// </summary>
public static class SandboxAttachments
{
    private static readonly string[] Pictures = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    public static bool IsPicture(string? contentType) => Pictures.Contains(contentType?.Split(';')[0].Trim().ToLowerInvariant());

    public static async Task<IResult> ServeAsync(HttpClient emulator, string id, string fileName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        if (!ulong.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return Results.NotFound();
        }

        using var response = await emulator.GetAsync(new Uri($"_emulator/attachments/{id}/{Uri.EscapeDataString(fileName)}", UriKind.Relative), ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return Results.NotFound();
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        var type = response.Content.Headers.ContentType?.MediaType;
        return IsPicture(type)
            ? Results.Bytes(bytes, type)
            : Results.File(bytes, "application/octet-stream", fileName);
    }
}
