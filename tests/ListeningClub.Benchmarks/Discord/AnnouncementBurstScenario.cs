using System.Diagnostics;
using System.Globalization;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Hosting;
using ListeningClub.Discord.Hosting;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest.Resources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Benchmarks.Discord;

/// <summary>
/// 1,000 messages to 100 channels through the real REST client against the emulator with Discord-like limits
/// (message create: 5 per 5 s per channel; 50 requests/s globally). Reports the time taken against the least time
/// those limits allow, and how many 429s the emulator had to send (the target is none).
/// Run: dotnet run -c Release --project tests/ListeningClub.Benchmarks -- --scenario discord-announcements
/// </summary>
public static class AnnouncementBurstScenario
{
    public const string Name = "discord-announcements";

    public static async Task RunAsync(string[] args)
    {
        var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var channelCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        const int perChannelLimit = 5;
        const int perChannelWindowMs = 5000;
        var globalPerSecond = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;

        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings
        {
            GlobalPerSecond = globalPerSecond,
            Buckets = new Dictionary<string, BucketLimit> { ["POST /channels/{channel_id}/messages"] = new(perChannelLimit, perChannelWindowMs) },
        });
        using var control = emulator.CreateControl();
        var guild = await control.CreateGuildAsync(new GuildSpec("Bench", Enumerable.Range(0, channelCount).Select(i => new ChannelSpec($"c{i}")).ToList()));
        var channels = guild.Channels.Values.Select(id => ulong.Parse(id, CultureInfo.InvariantCulture)).ToArray();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        var seen = new RateLimitedResponses();
        services.AddDiscordRest(options =>
        {
            options.Token = emulator.BotToken;
            options.ApiBaseUrl = emulator.ApiBaseUrl.ToString();
        }).AddHttpMessageHandler(() => new RateLimitedResponseCounter(seen));
        await using var provider = services.BuildServiceProvider();
        var api = provider.GetRequiredService<IChannelMessagesApi>();

        var before = await control.StatsAsync();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, messages).Select(i =>
            api.CreateAsync(channels[i % channels.Length], new MessageCreateRequest { Content = $"Announcement {i}" }, CancellationToken.None)));
        clock.Stop();
        var after = await control.StatsAsync();

        // The least time the limits allow: the global limit lets 50 through per second (the first 50 at once),
        // each channel 5 per 5 s (the first 5 at once).
        var perChannel = (int)Math.Ceiling((double)messages / channels.Length);
        var globalBound = Math.Max(0, (messages - globalPerSecond) / (double)globalPerSecond);
        var channelBound = Math.Max(0, (perChannel - perChannelLimit) / (double)perChannelLimit) * perChannelWindowMs / 1000.0;
        var minimum = Math.Max(globalBound, channelBound);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{messages} messages to {channels.Length} channels in {clock.Elapsed.TotalSeconds:0.00} s; minimum allowed by the limits {minimum:0.00} s; ratio {clock.Elapsed.TotalSeconds / minimum:0.000}; 429 responses: {after.RateLimited - before.RateLimited} ({seen.Global} global, {seen.PerRoute} per route, as the client saw them); messages stored: {after.Messages - before.Messages}"));
    }

    /// <summary>429s the client received, told apart by <c>X-RateLimit-Global</c> (the emulator's request log keeps only request bodies).</summary>
    private sealed class RateLimitedResponses
    {
        private int _global;
        private int _perRoute;

        public int Global => Volatile.Read(ref _global);

        public int PerRoute => Volatile.Read(ref _perRoute);

        public void Add(HttpResponseMessage response)
        {
            if ((int)response.StatusCode != 429)
            {
                return;
            }

            if (response.Headers.Contains("X-RateLimit-Global"))
            {
                Interlocked.Increment(ref _global);
            }
            else
            {
                Interlocked.Increment(ref _perRoute);
            }
        }
    }

    private sealed class RateLimitedResponseCounter(RateLimitedResponses seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            seen.Add(response);
            return response;
        }
    }
}
