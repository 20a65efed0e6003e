using Microsoft.Extensions.Configuration;

namespace ListeningClub.Bot.Features.Health;

/// <summary>
/// <c>ListeningClub.Bot --health</c>: asks the running bot's <c>/healthz</c> (port from the same configuration) and
/// exits 0 when it answers 200, 1 otherwise; prints the body. Made for Docker's HEALTHCHECK.
/// </summary>
public static class HealthCheckCommand
{
    public const string Switch = "--health";

    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(HealthOptions.SectionName).Get<HealthOptions>() ?? new HealthOptions();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(options.Url).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"{(int)response.StatusCode} {body}").ConfigureAwait(false);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Out.WriteLineAsync($"unhealthy: {options.Url} did not answer ({ex.Message})").ConfigureAwait(false);
            return 1;
        }
    }
}
