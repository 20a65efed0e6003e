using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Console;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// systemd's <c>Type=notify</c>, through Microsoft.Extensions.Hosting.Systemd: under systemd the host says
/// <c>READY=1</c> once it has started (store open, scheduler running, gateway connecting) and <c>STOPPING=1</c> when it
/// begins to stop, and the console logs in systemd's format (one line per entry, with its priority for the journal;
/// <c>Logging:Console:FormatterName=json</c> stays JSON). Outside systemd nothing changes.
/// </summary>
internal static class SystemdNotify
{
    private const string NotifySocket = "NOTIFY_SOCKET";

    public static IServiceCollection AddSystemdNotify(this IServiceCollection services)
    {
        services.AddSystemd();
        if (!SystemdHelpers.IsSystemdService() && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NotifySocket)))
        {
            // AddSystemd knows systemd by reading /proc/<parent>/comm, and the unit's ProtectProc=invisible hides systemd
            // (PID 1, root) from the service's user. NOTIFY_SOCKET is set only by a service manager waiting for READY=1:
            // register what AddSystemd would have.
            services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
            services.Configure<ConsoleLoggerOptions>(options => options.FormatterName = ConsoleFormatterNames.Systemd);
        }

        // An operator who asked for JSON lines keeps them under systemd too.
        services.AddOptions<ConsoleLoggerOptions>().PostConfigure<IConfiguration>((options, configuration) =>
        {
            if (string.Equals(configuration["Logging:Console:FormatterName"], ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase))
            {
                options.FormatterName = ConsoleFormatterNames.Json;
            }
        });
        return services;
    }
}
