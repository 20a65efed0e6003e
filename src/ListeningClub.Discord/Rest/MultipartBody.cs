using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Rest;

/// <summary>
/// A <c>multipart/form-data</c> body as Discord takes files: a <c>payload_json</c> part with the message, then one
/// <c>files[n]</c> part per file. Built once as bytes, so a retried request sends exactly the same body.
/// </summary>
internal static class MultipartBody
{
    public static (byte[] Body, string ContentType) Build(byte[] payloadJson, IReadOnlyList<FileUpload> files)
    {
        var boundary = "listeningclub-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        using var body = new MemoryStream();
        Part(body, boundary, "Content-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json", payloadJson);
        for (var n = 0; n < files.Count; n++)
        {
            var file = files[n];
            var name = file.FileName.Replace("\"", "'", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
            Part(body, boundary, string.Create(CultureInfo.InvariantCulture, $"Content-Disposition: form-data; name=\"files[{n}]\"; filename=\"{name}\"\r\nContent-Type: {file.ContentType}"), file.Content.Span);
        }

        body.Write(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        return (body.ToArray(), $"multipart/form-data; boundary={boundary}");
    }

    /// <summary>The payload's references to the files, in <c>files[n]</c> order.</summary>
    public static IReadOnlyList<AttachmentReference> References(IReadOnlyList<FileUpload> files) =>
        files.Select((f, n) => new AttachmentReference((ulong)n, f.FileName, f.Description)).ToList();

    private static void Part(MemoryStream body, string boundary, string headers, ReadOnlySpan<byte> content)
    {
        body.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\n{headers}\r\n\r\n"));
        body.Write(content);
        body.Write("\r\n"u8);
    }
}
