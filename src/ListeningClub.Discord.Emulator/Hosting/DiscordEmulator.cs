using ListeningClub.Discord.Emulator.Contract;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Rest;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ListeningClub.Discord.Emulator.Hosting;

/// <summary>
/// A running emulator: Kestrel on loopback with the REST API (/api/v10), the gateway (/gateway) and
/// the control API (/_emulator). Start it with <see cref="StartAsync"/>, dispose it to stop.
/// </summary>
public sealed class DiscordEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DiscordEmulator(WebApplication app, EmulatorCore core)
    {
        _app = app;
        Core = core;
    }

    /// <summary>REST base, e.g. http://127.0.0.1:5055/api/v10 (no trailing slash).</summary>
    public Uri ApiBaseUrl => new(Core.BaseUrl, "api/v10");

    /// <summary>Gateway URL as /gateway/bot reports it, e.g. ws://127.0.0.1:5055/gateway.</summary>
    public Uri GatewayUrl => Core.GatewayUrl;

    /// <summary>Control API base, e.g. http://127.0.0.1:5055/_emulator.</summary>
    public Uri ControlUrl => new(Core.BaseUrl, "_emulator");

    public string BotToken => Core.BotToken;

    public ulong ApplicationId => Core.ApplicationId;

    public ulong BotUserId => Core.BotUserId;

    /// <summary>Signalled when the host is asked to stop (SIGTERM, Ctrl+C).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>In-process access to the store and counters (tests may read it; prefer the control API).</summary>
    public EmulatorCore Core { get; }

    /// <summary>Typed client over the control API; the caller owns the HttpClient it creates.</summary>
    public EmulatorControl CreateControl() => new(new HttpClient { BaseAddress = Core.BaseUrl }, ownsClient: true);

    public static async Task<DiscordEmulator> StartAsync(EmulatorSettings? settings = null, CancellationToken ct = default)
    {
        settings ??= new EmulatorSettings();
        var contract = settings.ValidateContract ? await ContractCache.GetAsync(settings.OpenApiPath, ct).ConfigureAwait(false) : null;
        var core = new EmulatorCore(settings, contract);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(core);
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value;
            if (path is "/gateway" or "/gateway/" or "/gateway-resume" or "/gateway-resume/")
            {
                await core.Gateway.AcceptAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        app.Use(async (context, next) =>
        {
            await next(context).ConfigureAwait(false);
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                core.Changes.Bump();
            }
        });
        app.UseRouting();
        app.Use(RestPipeline.InvokeAsync);

        var api = app.MapGroup("/api/v10");
        GatewayAndUserRoutes.Map(api);
        ChannelRoutes.Map(api);
        MessageRoutes.Map(api);
        ThreadRoutes.Map(api);
        PollRoutes.Map(api);
        ScheduledEventRoutes.Map(api);
        GuildMemberRoleRoutes.Map(api);
        CommandRoutes.Map(api);
        InteractionRoutes.Map(api);
        ControlRoutes.Map(app);

        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        core.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return new DiscordEmulator(app, core);
    }

    public async ValueTask DisposeAsync()
    {
        Core.Stop();
        Core.Gateway.CloseAll();
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Core.Dispose();
    }

    /// <summary>openapi.json is loaded once per process (~0.4 s) and shared by every emulator instance.</summary>
    private static class ContractCache
    {
        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static readonly Dictionary<string, OpenApiContract> Loaded = new(StringComparer.Ordinal);

        public static async Task<OpenApiContract> GetAsync(string? path, CancellationToken ct)
        {
            var key = path ?? OpenApiContract.DefaultPath;
            await Gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (!Loaded.TryGetValue(key, out var contract))
                {
                    contract = await OpenApiContract.LoadAsync(key, ct).ConfigureAwait(false);
                    Loaded[key] = contract;
                }

                return contract;
            }
            finally
            {
                Gate.Release();
            }
        }
    }
}
