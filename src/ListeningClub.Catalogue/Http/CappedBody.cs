using System.Buffers;
using System.Net.Http.Headers;

namespace ListeningClub.Catalogue.Http;

/// <summary>Reads a response body without ever holding more than a cap: a huge or endless answer is rejected, not buffered.</summary>
internal static class CappedBody
{
    public static async Task<byte[]> ReadAsync(HttpContent content, int maxBytes, CancellationToken ct)
    {
        if (content.Headers.ContentLength is { } length && length > maxBytes)
        {
            throw new ResponseTooLargeException(maxBytes);
        }

        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        throw new ResponseTooLargeException(maxBytes);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>JSON, or no content type at all; HTML error pages and anything else are not.</summary>
    public static bool IsJson(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is not { } media
        || media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A response body over the configured cap.</summary>
internal sealed class ResponseTooLargeException(int maxBytes) : Exception($"The response is larger than {maxBytes} bytes.");
