using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ListeningClub.Bot.Web;

/// <summary>
/// How the web server answers: a body with a strong ETag (SHA-256 of the bytes) and <c>Cache-Control</c>, 304 when the
/// reader already has it, and a plain 404 that says nothing about why (unknown, rotated and disabled links look alike).
/// </summary>
public static class WebResponses
{
    /// <summary>Pages change as the club acts: a reader's browser keeps them but asks again each time (a 304 costs little).</summary>
    public const string PageCacheControl = "private, no-cache";

    public static IResult Html(string html) => new Body(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", PageCacheControl, null);

    public static IResult Css(string css) => new Body(Encoding.UTF8.GetBytes(css), "text/css; charset=utf-8", "public, max-age=3600", null);

    public static IResult Script(string script) => new Body(Encoding.UTF8.GetBytes(script), "text/javascript; charset=utf-8", "public, max-age=3600", null);

    /// <summary>A picture that never changes once drawn (a count, revealed ratings): the reader's browser keeps it for a day without asking.</summary>
    public static IResult Png(byte[] png) => new Body(png, "image/png", "private, max-age=86400", null);

    /// <summary>A file to keep: offered under <paramref name="fileName"/> (ASCII letters, digits, '-', '.').</summary>
    public static IResult Download(string text, string contentType, string fileName) =>
        new Body(Encoding.UTF8.GetBytes(text), contentType, PageCacheControl, fileName);

    public static IResult NotFound() => new Body("Not found.\n"u8.ToArray(), "text/plain; charset=utf-8", "no-store", null, StatusCodes.Status404NotFound);

    private sealed class Body(byte[] bytes, string contentType, string cacheControl, string? fileName, int status = StatusCodes.Status200OK) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.Headers.CacheControl = cacheControl;
            if (status == StatusCodes.Status200OK)
            {
                var etag = "\"" + Convert.ToBase64String(SHA256.HashData(bytes), 0, 16) + "\"";
                response.Headers.ETag = etag;
                if (httpContext.Request.Headers.IfNoneMatch.Any(value => value is not null && (value.Contains(etag, StringComparison.Ordinal) || value.Trim() == "*")))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
            }

            response.StatusCode = status;
            response.ContentType = contentType;
            if (fileName is not null)
            {
                response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
            }

            response.ContentLength = bytes.Length;
            if (!HttpMethods.IsHead(httpContext.Request.Method))
            {
                await response.Body.WriteAsync(bytes, httpContext.RequestAborted).ConfigureAwait(false);
            }
        }
    }
}
