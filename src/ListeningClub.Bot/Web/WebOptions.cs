using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Web;

/// <summary>The web server in the bot process (the clubs' archives and <c>/healthz</c>). Bound from the <c>Web</c> section; off by default.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>Serve the web archive (and <c>/healthz</c>, which then leaves <c>Health:Port</c>) on <see cref="Urls"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where Kestrel listens: one or more <c>http://host:port</c> URLs separated by ';'. Port 0 picks a free port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8643";

    /// <summary>The address readers use (behind a reverse proxy, say <c>https://club.example.org</c>); links given to managers start with it. Defaults to the first of <see cref="Urls"/>.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Requests one client address may make per minute before it is answered 429.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Web:RequestsPerMinute must be between 1 and 1000000 (environment variable ListeningClub__Web__RequestsPerMinute).")]
    public int RequestsPerMinute { get; set; } = 120;

    // Methods, not properties: the data-annotations validator reads every property, and these must not run on unchecked values.
    public IReadOnlyList<Uri> ListenUrls() =>
        [.. Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null).OfType<Uri>()];

    /// <summary>The base of the links the bot hands out, always ending in '/'.</summary>
    public Uri LinkBase()
    {
        var text = (PublicBaseUrl is { IsAbsoluteUri: true } publicBase ? publicBase : ListenUrls() is [var first, ..] ? first : new Uri("http://127.0.0.1/")).ToString();
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }
}

/// <summary>Checks <see cref="WebOptions"/> at start: every listen URL and the public base URL are absolute http(s) URLs.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var urls = options.Urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (options.Enabled && urls.Length == 0)
        {
            failures.Add("Web:Urls is empty. Set it to where the web archive listens, e.g. http://127.0.0.1:8643 (environment variable ListeningClub__Web__Urls).");
        }

        foreach (var url in urls.Where(u => !IsHttp(u)))
        {
            failures.Add($"Web:Urls: \"{url}\" is not an http:// or https:// URL with a host and port, e.g. http://0.0.0.0:8643.");
        }

        if (options.PublicBaseUrl is { } publicBase && !IsHttp(publicBase.OriginalString))
        {
            failures.Add($"Web:PublicBaseUrl: \"{publicBase.OriginalString}\" is not an absolute http:// or https:// URL, e.g. https://club.example.org.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttp(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
