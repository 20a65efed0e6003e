using System.Globalization;

namespace ListeningClub.Discord.Rest.Resources;

/// <summary>Builds <see cref="DiscordRoute"/>s: template key (for buckets and logs), major parameter, concrete path.</summary>
internal static class DiscordRoutes
{
    public static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    public static DiscordRoute Channel(HttpMethod method, string template, ulong channelId, string path) =>
        new(method, string.Concat(method.Method, " ", template), "c" + Id(channelId), path);

    public static DiscordRoute Guild(HttpMethod method, string template, ulong guildId, string path) =>
        new(method, string.Concat(method.Method, " ", template), "g" + Id(guildId), path);

    public static DiscordRoute Global(HttpMethod method, string template, string path) =>
        new(method, string.Concat(method.Method, " ", template), "-", path);

    /// <summary>Interaction callback and webhook-with-token routes: the token is the major parameter and the route is exempt from the global limit.</summary>
    public static DiscordRoute InteractionWebhook(HttpMethod method, string template, string majorParameter, string path) =>
        new(method, string.Concat(method.Method, " ", template), majorParameter, path, DiscordRouteKind.InteractionWebhook);

    public static string Path(FormattableString path) => path.ToString(CultureInfo.InvariantCulture);
}
