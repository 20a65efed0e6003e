using System.Text.RegularExpressions;
using ListeningClub.Bot.Features.Health;
using ListeningClub.Discord.Fatal;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Resources;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Postgres.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// Builds and runs the generic host. Expected failures are one clear line and a non-zero exit, never a stack trace:
/// configuration problems, a data folder in use or a bad data file, a PostgreSQL server that cannot be used (exit code 2), a token Discord refuses or a fatal
/// gateway close (exit code 1). A bug still escapes with its stack trace; Ctrl-C or SIGTERM exits 0.
/// </summary>
public static partial class BotHost
{
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>Discord refused the bot token or closed the gateway with a fatal code: restarting will not help until the operator fixes it.</summary>
    public const int DiscordFatalExitCode = 1;

    private static readonly TimeSpan TokenCheckTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The container checks itself when it is built, in every environment (the framework does so in Development only):
    /// every registered service can be constructed, and no singleton holds a scoped service (a captive dependency).
    /// </summary>
    public static ServiceProviderOptions ServiceProviderOptions => new() { ValidateOnBuild = true, ValidateScopes = true };

    /// <summary>
    /// The host with its configuration, later sources winning: <c>appsettings.json</c> and
    /// <c>appsettings.{Environment}.json</c> beside the executable, user-secrets (Development only), environment
    /// variables (<c>ListeningClub__Discord__Token</c> and the like), then command-line arguments
    /// (<c>--Discord:Token=…</c>).
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = ConfigurationArguments(args),

            // The settings files live beside the executable, wherever it is started from (systemd, Docker, dotnet run).
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables(prefix: "ListeningClub__");
        builder.Configuration.AddCommandLine(ConfigurationArguments(args));
        builder.ConfigureContainer(new DefaultServiceProviderFactory(ServiceProviderOptions));
        builder.Services.AddSystemdNotify();
        builder.Services.AddListeningClub(builder.Configuration);
        return builder;
    }

    public static Task<int> RunAsync(string[] args) => RunAsync(args, configure: null);

    /// <summary>As <see cref="RunAsync(string[])"/>, with <paramref name="configure"/> applied to the builder (tests).</summary>
    internal static async Task<int> RunAsync(string[] args, Action<HostApplicationBuilder>? configure)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains(HealthCheckCommand.Switch, StringComparer.Ordinal))
        {
            return await HealthCheckCommand.RunAsync(CreateBuilder(args).Configuration).ConfigureAwait(false);
        }

        var builder = CreateBuilder(args);
        configure?.Invoke(builder);
        using var host = builder.Build();
        try
        {
            // Validate before the host starts, so a configuration mistake is a message, not a logged stack trace.
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures.Select(Describe).Distinct())
            {
                await Console.Error.WriteLineAsync($"ListeningClub cannot start: {failure}").ConfigureAwait(false);
            }

            return ConfigurationErrorExitCode;
        }

        // A token Discord refuses is the Discord client's one fatal line; asked before the data folder is touched.
        if (!await DiscordAcceptsTokenAsync(host.Services).ConfigureAwait(false))
        {
            return DiscordFatalExitCode;
        }

        try
        {
            // Opened before the host starts, because the host logs a failed start with its stack trace, and another
            // copy of the bot owning the folder, or a database file we cannot use, is not a bug: say which, in one line.
            host.Services.OpenClubStore();
        }
        catch (Exception ex) when (ex is DataFolderInUseException or StorageFileException or PostgresStoreException)
        {
            await Console.Error.WriteLineAsync($"ListeningClub cannot start: {ex.Message}").ConfigureAwait(false);
            return ConfigurationErrorExitCode;
        }

        var fatal = host.Services.GetRequiredService<IDiscordFatalErrors>();
        await host.RunAsync().ConfigureAwait(false);

        // A fatal Discord error (a 401, a fatal gateway close) stopped the host; it was logged as one line.
        return fatal.Current is null ? 0 : DiscordFatalExitCode;
    }

    /// <summary>
    /// False when Discord refuses the bot token (401 on <c>GET /gateway/bot</c>; the Discord client logs the fatal
    /// error). When Discord cannot be reached the answer is yes: once started, the gateway keeps trying.
    /// </summary>
    private static async Task<bool> DiscordAcceptsTokenAsync(IServiceProvider services)
    {
        using var timeout = new CancellationTokenSource(TokenCheckTimeout, services.GetRequiredService<TimeProvider>());
        try
        {
            await services.GetRequiredService<IGatewayApi>().GetGatewayBotAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.Failure == DiscordRestFailure.Unauthorized)
        {
            return false;
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or IOException or OperationCanceledException)
        {
            // Discord is unreachable or unwell now: not a reason to refuse to start.
        }

        return true;
    }

    /// <summary>The arguments that are settings: the <c>--health</c> switch is a mode, not a setting.</summary>
    private static string[] ConfigurationArguments(string[] args) => args.Where(a => a != HealthCheckCommand.Switch).ToArray();

    /// <summary>Rewrites the framework's "DataAnnotation validation failed for 'XOptions' members: 'Y' with the error: '…'" as "Section:Y: …".</summary>
    internal static string Describe(string failure)
    {
        var match = FrameworkFailure().Match(failure);
        if (!match.Success)
        {
            return failure;
        }

        var section = SectionOf(match.Groups["type"].Value);
        var setting = $"{section}:{match.Groups["member"].Value}";
        var error = match.Groups["error"].Value;
        return error.StartsWith(setting, StringComparison.Ordinal) || error.StartsWith(section + ":", StringComparison.Ordinal) ? error : $"{setting}: {error}";
    }

    private static string SectionOf(string optionsTypeName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(assembly => assembly.GetName().Name?.StartsWith("ListeningClub", StringComparison.Ordinal) == true)
            .SelectMany(assembly => assembly.GetExportedTypes())
            .FirstOrDefault(type => type.Name == optionsTypeName)?
            .GetField("SectionName")?.GetRawConstantValue() as string
        ?? optionsTypeName;

    [GeneratedRegex(@"^DataAnnotation validation failed for '(?<type>[^']+)' members: '(?<member>[^']*)' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex FrameworkFailure();
}
