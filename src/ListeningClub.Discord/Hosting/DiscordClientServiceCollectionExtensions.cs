using ListeningClub.Discord.Configuration;
using ListeningClub.Discord.Gateway;
using ListeningClub.Discord.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ListeningClub.Discord.Hosting;

public static class DiscordClientServiceCollectionExtensions
{
    /// <summary>
    /// The whole client: REST (see <see cref="DiscordRestServiceCollectionExtensions.AddDiscordRest"/>), the gateway
    /// shards (<see cref="GatewayShards"/>) and dispatcher as a hosted service, the interaction router and the command registrar.
    /// Replace <see cref="IGatewayTransportFactory"/> to point the gateway at something else (tests, emulator).
    /// </summary>
    public static IHttpClientBuilder AddDiscordClient(this IServiceCollection services, Action<DiscordOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var http = services.AddDiscordRest(configure);
        services.TryAddSingleton<IGatewayTransportFactory, WebSocketGatewayTransportFactory>();
        services.TryAddSingleton<GatewayDispatchChannel>();
        services.TryAddSingleton<IdentifyGate>();
        services.TryAddSingleton<GatewayShards>();
        services.TryAddSingleton<GatewayDispatcher>();
        services.TryAddSingleton<InteractionRouter>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IGatewayDispatchHandler, InteractionDispatchHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IGatewayDispatchHandler, CommandRegistrar>(sp => sp.GetRequiredService<CommandRegistrar>()));
        services.AddHostedService<DiscordGatewayService>();
        return http;
    }

    /// <summary>Registers an interaction handler (scoped) and the routes it declares, including its command definition.</summary>
    public static IServiceCollection AddInteractionHandler<T>(this IServiceCollection services)
        where T : class, IRoutedInteractionHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<T>();
        services.AddSingleton(new InteractionHandlerRegistration(typeof(T), T.Routes));
        return services;
    }

    /// <summary>
    /// Registers an interaction handler (scoped) whose routes are built when the container is, e.g. a command whose
    /// subcommands other registrations contribute.
    /// </summary>
    public static IServiceCollection AddInteractionHandler<T>(this IServiceCollection services, Func<IServiceProvider, InteractionRoutes> routes)
        where T : class, IInteractionHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(routes);
        services.TryAddScoped<T>();
        services.AddSingleton(provider => new InteractionHandlerRegistration(typeof(T), routes(provider)));
        return services;
    }

    /// <summary>Registers a handler for other gateway events (scoped; one scope per dispatch).</summary>
    public static IServiceCollection AddGatewayDispatchHandler<T>(this IServiceCollection services)
        where T : class, IGatewayDispatchHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<IGatewayDispatchHandler, T>();
        return services;
    }
}
