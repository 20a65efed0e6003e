using System.Security.Cryptography;
using System.Text;
using ListeningClub.Discord.Emulator.Contract;
using ListeningClub.Discord.Emulator.Gateway;
using ListeningClub.Discord.Emulator.RateLimits;
using ListeningClub.Discord.Emulator.Rest;
using ListeningClub.Discord.Emulator.State;

namespace ListeningClub.Discord.Emulator.Hosting;

/// <summary>Everything one emulator instance owns; route handlers reach it through DI.</summary>
public sealed class EmulatorCore : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public EmulatorCore(EmulatorSettings settings, OpenApiContract? contract)
    {
        Settings = settings;
        Time = settings.TimeProvider;
        Contract = contract;
        Ids = new Snowflakes(Time);
        Stats = new EmulatorStats(Time);
        Requests = new RequestLog(settings.RequestLogSize);
        Changes = new ChangeFeed();
        RateLimiter = new RateLimiter(settings);
        ApplicationId = settings.ApplicationId;
        BotUserId = settings.ApplicationId;
        BotToken = settings.BotToken ?? MakeToken(settings.ApplicationId);
        State.Users[BotUserId] = new UserEntity { Id = BotUserId, Username = settings.BotUsername, Bot = true };
        Gateway = new GatewayHub(this);
    }

    public EmulatorSettings Settings { get; }

    public TimeProvider Time { get; }

    public OpenApiContract? Contract { get; }

    public Snowflakes Ids { get; }

    public EmulatorState State { get; } = new();

    public EmulatorStats Stats { get; }

    public RequestLog Requests { get; }

    /// <summary>Moves on every request that may change state (not GET): what viewers wait on.</summary>
    public ChangeFeed Changes { get; }

    public RateLimiter RateLimiter { get; }

    public RestFaults RestFaults { get; } = new();

    public GatewayHub Gateway { get; }

    public string BotToken { get; }

    public ulong ApplicationId { get; }

    public ulong BotUserId { get; }

    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    public Uri GatewayUrl => new(new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/gateway" }.Uri.ToString().TrimEnd('/'));

    public Uri ResumeGatewayUrl => new(new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/gateway-resume" }.Uri.ToString().TrimEnd('/'));

    public CancellationToken Stopping => _stopping.Token;

    public void Stop() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();

    /// <summary>Control API reset: empties the store, sessions, faults, logs and counters; keeps the bot user and token.</summary>
    public void Reset()
    {
        State.Clear();
        Gateway.Reset();
        RestFaults.Clear();
        RateLimiter.ResetWindows();
        Requests.Clear();
        Stats.Reset();
        Changes.Bump();
    }

    private static string MakeToken(ulong applicationId)
    {
        var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture))).TrimEnd('=');
        var random = Convert.ToBase64String(RandomNumberGenerator.GetBytes(27)).Replace('+', '-').Replace('/', '_');
        return $"{id}.EmUlAt.{random}";
    }
}
