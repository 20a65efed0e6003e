using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ListeningClub.Bot.Rendering.Charts;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Benchmarks.Rendering;

/// <summary>
/// The result pictures (#16): one PNG per call, 1000×600, at the largest size a club's vote reaches: 20 nominations,
/// an instant-runoff count of 19 rounds, Schulze's 20×20 head-to-head matrix, plurality bars; and a ratings reveal's. Each call draws the
/// chart and encodes the PNG, as the outbox does when it sends an announcement. Allocated memory is managed memory
/// only (Skia's native buffers are not counted by BenchmarkDotNet).
/// </summary>
[Config(typeof(Config))]
public class ChartBenchmarks
{
    private const int Candidates = 20;

    private TallyResult _instantRunoff = null!;
    private TallyResult _schulze = null!;
    private TallyResult _plurality = null!;
    private int[] _ratings = [];

    [GlobalSetup]
    public void Setup()
    {
        var ids = Enumerable.Range(1, Candidates).Select(i => $"{i:D2}").ToArray();
        var tieBreaker = new TieBreaker(TieBreakSeed.FromHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));

        // Nomination i is ranked first by i + 1 members, then the next one: one nomination goes out per round, 19 rounds.
        var chained = new List<IReadOnlyList<string>>();
        for (var i = 0; i < Candidates; i++)
        {
            for (var k = 0; k <= i; k++)
            {
                chained.Add(i < Candidates - 1 ? [ids[i], ids[i + 1]] : [ids[i]]);
            }
        }

        // Schulze and plurality: 1,000 members each ranking every nomination in an order of their own.
        var random = new Random(20_261_207);
        var full = Enumerable.Range(0, 1_000).Select(_ => (IReadOnlyList<string>)[.. ids.OrderBy(id => random.Next(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) * 10, 400))]).ToList();

        _instantRunoff = Tally.Count(VotingMethod.InstantRunoff, ids, chained, tieBreaker);
        _schulze = Tally.Count(VotingMethod.Schulze, ids, full, tieBreaker);
        _plurality = Tally.Count(VotingMethod.Plurality, ids, [.. full.Select(b => (IReadOnlyList<string>)[b[0]])], tieBreaker);
        if (((InstantRunoffExplanation)_instantRunoff.Explanation).Rounds.Count != Candidates - 1)
        {
            throw new InvalidOperationException("The instant-runoff count should take 19 rounds.");
        }

        _ratings = [.. Enumerable.Range(0, 40).Select(i => 1 + (i * 7 % 10))];
        ChartFonts.EnsureRegistered();
    }

    [Benchmark]
    public ChartPicture InstantRunoff19Rounds() => Render(_instantRunoff);

    [Benchmark]
    public ChartPicture Schulze20x20() => Render(_schulze);

    [Benchmark]
    public ChartPicture Plurality20() => Render(_plurality);

    /// <summary>A reveal's picture: 40 members' scores, with the season's most divisive pick named.</summary>
    [Benchmark]
    public ChartPicture Ratings40() =>
        RatingsChart.Render(_ratings, "Film Night: A Film With A Longish Title — ratings", new DivisiveNote("A Film With A Longish Title 07", 2.94, "2026"))!;

    private static ChartPicture Render(TallyResult tally) =>
        ResultChart.Render(tally, id => $"A Film With A Longish Title {id}", "Film Night: A Film With A Longish Title")!;

    /// <summary>In-process, short (as <c>TallyBenchmarks</c>): building BenchmarkDotNet's child project can time out on the shared 2-core machine.</summary>
    public sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(15)
                .WithToolchain(InProcessEmitToolchain.Instance));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.P95);
        }
    }
}
