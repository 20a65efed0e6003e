namespace ListeningClub.Discord.Emulator.Rest;

/// <summary>Registers one Discord route with its <see cref="RouteInfo"/>.</summary>
public static class RouteTable
{
    public static void Add(
        this RouteGroupBuilder api,
        string method,
        string template,
        string operationId,
        string bucket,
        string? major,
        Delegate handler,
        RouteAuth auth = RouteAuth.Bot,
        bool globalExempt = false)
    {
        var key = $"{method} {template}";
        api.MapMethods(template, [method], handler)
            .WithMetadata(new RouteInfo(key, operationId, bucket, major, auth, globalExempt))
            .WithDisplayName(key);
    }
}
