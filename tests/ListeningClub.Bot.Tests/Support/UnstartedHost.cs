using ListeningClub.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>
/// The bot's services in a host that is built but never started: the host's own services (lifetime, environment,
/// metrics, logging) are there, the hosted services are not run, and the container is validated as the bot's is
/// (<see cref="BotHost.ServiceProviderOptions"/>). No appsettings, environment variables or console logging.
/// </summary>
public static class UnstartedHost
{
    /// <param name="configure">Services registered before the bot's (the bot's own win).</param>
    /// <param name="replace">Services registered after the bot's (these win): a test's stand-in for one part.</param>
    public static IHost Build(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure = null, Action<IServiceCollection>? replace = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(BotHost.ServiceProviderOptions));
        configure?.Invoke(builder.Services);
        builder.Services.AddListeningClub(builder.Configuration);
        replace?.Invoke(builder.Services);
        return builder.Build();
    }
}
