using System.Net.Http.Headers;
using System.Reflection;
using ListeningClub.Discord.Configuration;

namespace ListeningClub.Discord.Rest.Pipeline;

/// <summary>
/// Builds one attempt's HTTP request: <c>User-Agent: DiscordBot (url, version)</c> on every request,
/// <c>Authorization: Bot …</c> on bot routes only (an interaction's token routes carry their token in the path).
/// </summary>
internal sealed class RestRequestFactory
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly string _baseUrl;
    private readonly string _authorization;

    public RestRequestFactory(DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _baseUrl = options.ApiBaseUrl.TrimEnd('/');
        _authorization = "Bot " + options.Token;
        var version = typeof(RestRequestFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";
        UserAgent = $"DiscordBot ({options.UserAgentUrl}, {version})";
    }

    public string UserAgent { get; }

    public HttpRequestMessage Create(in DiscordRoute route, byte[]? body)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(_baseUrl + route.Path, UriKind.Absolute));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (route.Kind == DiscordRouteKind.Bot)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = route.ContentType is { } type ? MediaTypeHeaderValue.Parse(type) : JsonMediaType } };
        }

        return request;
    }
}
