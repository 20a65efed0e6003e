using System.Globalization;
using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>
/// Files sent as Discord takes them: <c>multipart/form-data</c> with a <c>payload_json</c> part and <c>files[n]</c>
/// parts. The payload's <c>attachments[].id</c> names the n of its file; the emulator stores each file, answers with
/// full attachment objects (id, filename, size, content_type, url) and serves the bytes at the url.
/// </summary>
public static class Uploads
{
    /// <summary>Discord's per-message upload limit without server boosts (the interaction's attachment_size_limit).</summary>
    public const long SizeLimit = 10 * 1024 * 1024;

    private const string FilesKey = "discord.files";

    public static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Reads the form: returns the payload_json text and keeps the files for <see cref="Attach"/>.</summary>
    public static async Task<string?> ReadAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var files = new List<(int Index, IFormFile File)>();
        foreach (var file in form.Files)
        {
            if (file.Name.StartsWith("files[", StringComparison.Ordinal) && file.Name.EndsWith(']')
                && int.TryParse(file.Name.AsSpan(6, file.Name.Length - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                files.Add((index, file));
            }
        }

        context.Items[FilesKey] = files;
        var payload = form["payload_json"].ToString();
        return payload.Length == 0 ? "{}" : payload;
    }

    /// <summary>Stores the request's files and rewrites the payload's attachments into what Discord returns; an error result when the upload is refused.</summary>
    public static IResult? Attach(HttpContext context, EmulatorCore core, JsonObject body)
    {
        if (context.Items[FilesKey] is not List<(int Index, IFormFile File)> files)
        {
            return null;
        }

        if (files.Sum(f => f.File.Length) > SizeLimit)
        {
            return DiscordError.Reply(413, 40005, "Request entity too large");
        }

        var references = body["attachments"] as JsonArray ?? [];
        var attachments = new JsonArray();
        foreach (var (index, file) in files.OrderBy(f => f.Index))
        {
            var reference = references.OfType<JsonObject>().FirstOrDefault(r => string.Equals(r["id"]?.ToString(), index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            using var stream = new MemoryStream();
            file.CopyTo(stream);
            var upload = new UploadEntity(core.Ids.Next(), reference?["filename"]?.GetValue<string>() ?? file.FileName, file.ContentType ?? "application/octet-stream", stream.ToArray());
            lock (core.State.Gate)
            {
                core.State.Uploads[upload.Id] = upload;
            }

            var url = new Uri(core.BaseUrl, $"_emulator/attachments/{upload.Id}/{Uri.EscapeDataString(upload.FileName)}").ToString();
            attachments.Add(new JsonObject
            {
                ["id"] = upload.Id.ToString(CultureInfo.InvariantCulture),
                ["filename"] = upload.FileName,
                ["description"] = reference?["description"]?.DeepClone(),
                ["content_type"] = upload.ContentType,
                ["size"] = upload.Content.Length,
                ["url"] = url,
                ["proxy_url"] = url,
            });
        }

        // A reference that is not one of this request's files is either an existing attachment kept on an edit (a
        // snowflake) or an index whose file part is missing (a small number): keep the first, refuse the second.
        foreach (var reference in references.OfType<JsonObject>().Where(r => !files.Any(f => string.Equals(r["id"]?.ToString(), f.Index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))))
        {
            if (!ulong.TryParse(reference["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1UL << 22)
            {
                return DiscordError.Form("attachments", "ATTACHMENT_NOT_FOUND", "An attachment refers to a file part that was not sent.");
            }

            attachments.Add(reference.DeepClone());
        }

        body["attachments"] = attachments;
        return null;
    }
}
