using ListeningClub.Discord.Configuration;
using ListeningClub.Discord.Diagnostics;
using ListeningClub.Discord.Fatal;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Permissions;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ListeningClub.Discord.Hosting;

public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>
    /// Registers the REST client (options from the <c>Discord</c> section, validated at start), the rate limiter, the
    /// resource APIs and the client's instruments (<see cref="DiscordMetrics"/>, on the container's meter factory). Returns the HTTP client builder so tests and the emulator can plug a handler in.
    /// </summary>
    public static IHttpClientBuilder AddDiscordRest(this IServiceCollection services, Action<DiscordOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDiscordOptions(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDiscordFatalErrors, DiscordFatalErrors>();
        services.AddMetrics();
        services.TryAddSingleton<DiscordMetrics>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<IChannelMessagesApi, ChannelMessagesApi>();
        services.TryAddSingleton<IInteractionsApi, InteractionsApi>();
        services.TryAddSingleton<IApplicationCommandsApi, ApplicationCommandsApi>();
        services.TryAddSingleton<IThreadsApi, ThreadsApi>();
        services.TryAddSingleton<IPollsApi, PollsApi>();
        services.TryAddSingleton<IGuildScheduledEventsApi, GuildScheduledEventsApi>();
        services.TryAddSingleton<IGuildMembersApi, GuildMembersApi>();
        services.TryAddSingleton<IDirectMessagesApi, DirectMessagesApi>();
        services.TryAddSingleton<IGatewayApi, GatewayApi>();
        services.TryAddSingleton<IChannelsApi, ChannelsApi>();
        services.TryAddSingleton<IGuildsApi, GuildsApi>();
        services.TryAddSingleton<IUsersApi, UsersApi>();
        services.TryAddSingleton<BotChannelPermissions>();
        services.TryAddSingleton<CommandOptionCheck>();

        // Timeouts are ours (per attempt, through TimeProvider), not HttpClient's.
        return services.AddHttpClient(DiscordRestClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
    }

    internal static IServiceCollection AddDiscordOptions(this IServiceCollection services, Action<DiscordOptions>? configure)
    {
        if (!services.Any(d => d.ServiceType == typeof(DiscordOptionsMarker)))
        {
            services.AddSingleton<DiscordOptionsMarker>();
            services.AddOptions<DiscordOptions>()
                .BindConfiguration(DiscordOptions.SectionName)
                .ValidateDataAnnotations()
                .ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, ShardSettingsValidation>());
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services;
    }

    private sealed class DiscordOptionsMarker;
}
