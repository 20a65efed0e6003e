using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Web;

/// <summary>
/// Routes a feature adds to the bot's web server (<see cref="WebServer"/>). The instance comes from the bot's
/// container (a singleton), so its handlers use the bot's own services. Register it with <see cref="WebEndpoints.AddWebEndpoints{T}"/>.
/// </summary>
public interface IWebEndpoints
{
    void Map(IEndpointRouteBuilder endpoints);
}

public static class WebEndpoints
{
    /// <summary>A feature's routes, mapped when the web server is enabled (nothing is constructed otherwise).</summary>
    public static IServiceCollection AddWebEndpoints<T>(this IServiceCollection services)
        where T : class, IWebEndpoints
    {
        services.AddSingleton<T>();
        services.AddSingleton<IWebEndpoints>(provider => provider.GetRequiredService<T>());
        return services;
    }
}
