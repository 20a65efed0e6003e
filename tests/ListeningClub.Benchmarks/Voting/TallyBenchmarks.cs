using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Benchmarks.Voting;

/// <summary>
/// The tally engine on a big election: 100,000 ballots over 20 candidates (target: IRV and Schulze ≤ 100 ms each).
/// Ballots are generated from a fixed seed with some structure: candidates have a shared popularity, each voter adds
/// personal taste, and ranks the top 1–20 (uniformly) of their own order. Every id on every ballot is its own string
/// instance, as when ballots are read back from storage, and each measured call includes turning those strings into
/// candidate indices, as the bot's call would.
/// </summary>
[Config(typeof(Config))]
public class TallyBenchmarks
{
    private const int CandidateCount = 20;
    private const int BallotCount = 100_000;

    private string[] _candidates = [];
    private IReadOnlyList<IReadOnlyList<string>> _rankings = [];
    private IReadOnlyList<IReadOnlyList<string>> _firstChoices = [];
    private TieBreaker _tieBreaker = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_261_124);
        _candidates = [.. Enumerable.Range(1, CandidateCount).Select(i => $"nomination-{i:D4}")];
        var popularity = Enumerable.Range(0, CandidateCount).Select(_ => random.NextDouble() * 2).ToArray();

        var rankings = new IReadOnlyList<string>[BallotCount];
        var scores = new double[CandidateCount];
        var order = new int[CandidateCount];
        for (var b = 0; b < BallotCount; b++)
        {
            for (var c = 0; c < CandidateCount; c++)
            {
                scores[c] = popularity[c] + Gaussian(random);
                order[c] = c;
            }

            Array.Sort(scores, order);
            var length = random.Next(1, CandidateCount + 1);
            var ballot = new string[length];
            for (var k = 0; k < length; k++)
            {
                ballot[k] = new string(_candidates[order[CandidateCount - 1 - k]]); // highest score first; a fresh copy
            }

            rankings[b] = ballot;
        }

        _rankings = rankings;
        _firstChoices = [.. rankings.Select(r => (IReadOnlyList<string>)[new string(r[0])])];
        _tieBreaker = new TieBreaker(TieBreakSeed.FromHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    }

    [Benchmark]
    public TallyResult InstantRunoff() => Tally.Count(VotingMethod.InstantRunoff, _candidates, _rankings, _tieBreaker);

    [Benchmark]
    public TallyResult Schulze() => Tally.Count(VotingMethod.Schulze, _candidates, _rankings, _tieBreaker);

    [Benchmark]
    public TallyResult Plurality() => Tally.Count(VotingMethod.Plurality, _candidates, _firstChoices, _tieBreaker);

    /// <summary>Approval over the same ballots, each ranking read as the set approved.</summary>
    [Benchmark]
    public TallyResult Approval() => Tally.Count(VotingMethod.Approval, _candidates, _rankings, _tieBreaker);

    /// <summary>
    /// A short job, run in-process: on the shared 2-core machine, building BenchmarkDotNet's separate child project
    /// can exceed its 2-minute build timeout, and a tally needs no process isolation.
    /// </summary>
    public sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(10)
                .WithToolchain(InProcessEmitToolchain.Instance));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(StatisticColumn.Min, StatisticColumn.Median);
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
