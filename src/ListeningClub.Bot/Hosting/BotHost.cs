using System.Text.RegularExpressions;
using ListeningClub.Bot.Features.Health;
using ListeningClub.Storage.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Hosting;

/// <summary>Builds and runs the generic host; turns configuration problems into one clear line each and a non-zero exit.</summary>
public static partial class BotHost
{
    public const int ConfigurationErrorExitCode = 2;

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
        builder.Services.AddListeningClub();
        return builder;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains(HealthCheckCommand.Switch, StringComparer.Ordinal))
        {
            return await HealthCheckCommand.RunAsync(CreateBuilder(args).Configuration).ConfigureAwait(false);
        }

        using var host = CreateBuilder(args).Build();
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

        try
        {
            await host.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is DataFolderInUseException or StorageFileException)
        {
            // Another copy of the bot owns the data folder, or the database file is not one we can use: say which.
            await Console.Error.WriteLineAsync($"ListeningClub cannot start: {ex.Message}").ConfigureAwait(false);
            return ConfigurationErrorExitCode;
        }
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
