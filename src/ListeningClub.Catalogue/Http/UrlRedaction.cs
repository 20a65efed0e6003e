using System.Text.RegularExpressions;

namespace ListeningClub.Catalogue.Http;

/// <summary>Hides credentials in a URL before it is logged or used as a key: <c>api_key=…</c> becomes <c>api_key=***</c>.</summary>
internal static partial class UrlRedaction
{
    public static string Redact(string url) => Secret().Replace(url, "${name}=***");

    [GeneratedRegex(@"(?<name>api_key|access_token|token|key)=[^&#]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Secret();
}
