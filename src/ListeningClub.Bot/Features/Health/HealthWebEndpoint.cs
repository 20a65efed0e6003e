using ListeningClub.Bot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Features.Health;

/// <summary><c>GET /healthz</c> on the web server when the web archive is on (the same answer as <see cref="HealthEndpoint"/>), unless <c>Health:Enabled</c> is false.</summary>
internal sealed class HealthWebEndpoint(HealthCheckService health, IOptions<HealthOptions> options) : IWebEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        endpoints.MapGet("/healthz", async (HttpContext context) =>
        {
            var report = await health.CheckHealthAsync(context.RequestAborted).ConfigureAwait(false);
            var body = HealthJson.Write(report);
            context.Response.StatusCode = HealthJson.IsHealthy(report) ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "application/json";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        });
    }
}
