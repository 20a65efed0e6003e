using ListeningClub.Discord.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Hosting;

/// <summary>Builds and runs the generic host; turns configuration problems into one clear line each and a non-zero exit.</summary>
public static class BotHost
{
    public const int ConfigurationErrorExitCode = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddEnvironmentVariables(prefix: "ListeningClub__");
        builder.Configuration.AddCommandLine(args);
        builder.Services.BindAndValidate<DiscordOptions>(DiscordOptions.SectionName);

        using var host = builder.Build();
        try
        {
            // Validate before the host starts, so a configuration mistake is a message, not a logged stack trace.
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync($"ListeningClub cannot start: {failure}").ConfigureAwait(false);
            }

            return ConfigurationErrorExitCode;
        }

        await host.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
