using ListeningClub.Catalogue.CoverArt;
using ListeningClub.Catalogue.Fakes.Hosting;
using ListeningClub.Catalogue.Hosting;
using ListeningClub.Catalogue.MusicBrainz;
using ListeningClub.Catalogue.Tmdb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Catalogue.Tests.Fakes;

/// <summary>
/// The catalogue wired by <c>AddCatalogue()</c> against the loopback fakes, both on one <see cref="FakeTimeProvider"/>:
/// latency, timeouts, retry delays, the MusicBrainz queue and the fakes' rate rule all move only when a test advances it.
/// </summary>
public sealed class CatalogueHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CatalogueHarness(CatalogueFakes fakes, FakeTimeProvider time, IConfigurationRoot config, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Fakes = fakes;
        Time = time;
        Config = config;
        _services = services;
        Logs = logs;
    }

    public CatalogueFakes Fakes { get; }

    public FakeTimeProvider Time { get; }

    public IConfigurationRoot Config { get; }

    public CapturingLoggerProvider Logs { get; }

    public ICatalogue Catalogue => _services.GetRequiredService<ICatalogue>();

    public TmdbClient Tmdb => _services.GetRequiredService<TmdbClient>();

    public MusicBrainzClient MusicBrainz => _services.GetRequiredService<MusicBrainzClient>();

    public CoverArtClient CoverArt => _services.GetRequiredService<CoverArtClient>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Starts the fakes and the catalogue. <paramref name="settings"/> override configuration keys (null removes one).</summary>
    public static async Task<CatalogueHarness> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var fakes = await CatalogueFakes.StartAsync(new FakeSettings { Time = time });
        var values = new Dictionary<string, string?>
        {
            ["Catalogue:Tmdb:BaseUrl"] = fakes.TmdbBaseUrl,
            ["Catalogue:Tmdb:ApiKey"] = fakes.State.Settings.TmdbApiKey,
            ["Catalogue:MusicBrainz:BaseUrl"] = fakes.MusicBrainzBaseUrl,
            ["Catalogue:MusicBrainz:Contact"] = "https://listening.example/contact",
            ["Catalogue:MusicBrainz:ApplicationVersion"] = "1.2.3",
            ["Catalogue:CoverArt:BaseUrl"] = fakes.CoverArtBaseUrl,

            // Generous on the fake clock, so a test moving time while a response is on its way never times it out by accident.
            ["Catalogue:Tmdb:AttemptTimeout"] = "00:01:00",
            ["Catalogue:Tmdb:RequestTimeout"] = "00:02:00",
            ["Catalogue:MusicBrainz:AttemptTimeout"] = "00:01:00",
            ["Catalogue:MusicBrainz:RequestTimeout"] = "00:05:00",
            ["Catalogue:CoverArt:AttemptTimeout"] = "00:01:00",
            ["Catalogue:CoverArt:RequestTimeout"] = "00:01:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(values.Where(v => v.Value is not null)).Build();
        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(config);
        collection.AddSingleton<TimeProvider>(time);
        collection.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        collection.AddCatalogue();
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new CatalogueHarness(fakes, time, config, provider, logs);
    }

    /// <summary>
    /// Completes <paramref name="task"/> by moving the fake clock forward in <paramref name="step"/>s whenever the
    /// task is waiting on it (it gets a moment of real time to make network progress between steps).
    /// </summary>
    public async Task<T> PumpAsync<T>(Task<T> task, TimeSpan? step = null, int maxSteps = 2_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            if (await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(5))) != task)
            {
                Time.Advance(step ?? TimeSpan.FromMilliseconds(100));
            }
        }

        Assert.True(task.IsCompleted, "the call did not finish while the clock moved");
        return await task;
    }

    /// <summary>Waits (on the tasks, never on a clock) until at least <paramref name="count"/> of <paramref name="tasks"/> have finished.</summary>
    public static async Task WhenCompletedAsync<T>(IReadOnlyList<Task<T>> tasks, int count)
    {
        while (tasks.Count(t => t.IsCompleted) < count)
        {
            await Task.WhenAny(tasks.Where(t => !t.IsCompleted)).WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (state the code under test reaches on its own, e.g. a queue length), at most 30 s.</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        var giveUp = Environment.TickCount64 + 30_000;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < giveUp, "the condition never held");
            await Task.Yield();
            await Task.Delay(1);
        }
    }

    /// <summary>Changes configuration keys and reloads (options monitors see the change).</summary>
    public void Reconfigure(string key, string? value)
    {
        Config[key] = value;
        Config.Reload();
    }

    public async ValueTask DisposeAsync()
    {
        // Polly waits for executions still in flight before it disposes a pipeline, polling on the (fake) clock.
        var disposing = _services.DisposeAsync().AsTask();
        for (var i = 0; i < 1_000 && !disposing.IsCompleted; i++)
        {
            if (await Task.WhenAny(disposing, Task.Delay(5)) != disposing)
            {
                Time.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        await disposing;
        await Fakes.DisposeAsync();
    }
}
