using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using ListeningClub.Application.Archive;
using ListeningClub.Application.Nominations;
using ListeningClub.Application.Ratings;
using ListeningClub.Application.Voting;
using ListeningClub.Bot.Web;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Benchmarks.Bot;

/// <summary>
/// Readers of a club's web archive, served by the bot's own Kestrel while the bot works: each reader asks for a page
/// (the club, its stats, a pick's page, the pick's count picture or its ratings picture, in turn), reads it, waits a
/// think time, and asks for the next, for as long as the run lasts. Records each page's latency (request sent → whole
/// body read) and status.
/// </summary>
internal sealed class ArchiveReaders(HttpClient http, IReadOnlyList<(string Kind, string Path)> pages, int readers, TimeSpan think)
{
    private readonly ConcurrentBag<(string Kind, double Ms, HttpStatusCode Status)> _answers = [];

    /// <summary>
    /// A film track with one announced pick (eight nominations, <paramref name="ballots"/> ranked ballots) and its ratings
    /// revealed, its club's archive on: what the readers read. Set up through the use cases (the interactions under test
    /// are the other tracks').
    /// </summary>
    public static async Task<IReadOnlyList<(string Kind, string Path)>> SeedAsync(IServiceProvider services, ulong guildId, Track track, int ballots)
    {
        var nominations = services.GetRequiredService<NominationService>();
        for (var i = 0; i < 8; i++)
        {
            Check(await nominations.NominateAsync(track, 900_000 + (ulong)i, MediaFactory.Film($"Archive film {i}", 1970 + i, $"Director {i}", null).Value, "A pitch & <b>markup</b>", default));
        }

        var voting = services.GetRequiredService<VotingService>();
        Check(await voting.OpenVotingAsync(track, default));
        var candidates = (await nominations.ListCurrentAsync(track, default)).Nominations.Select(n => n.Id).ToArray();
        var random = new Random(11);
        for (var voter = 0; voter < ballots; voter++)
        {
            var ranking = candidates.OrderBy(_ => random.Next()).Take(3).ToArray();
            Check(await voting.CastAsync(track, 800_000 + (ulong)voter, ranking, default));
        }

        var closed = await voting.CloseAndAnnounceAsync(track, default);
        Check(closed);
        var ratings = services.GetRequiredService<RatingService>();
        for (var member = 0; member < 30; member++)
        {
            Check(await ratings.RateAsync(track, 800_000 + (ulong)member, 1 + random.Next(10), member % 3 == 0 ? $"Review {member} <i>with</i> text" : null, default));
        }

        var cycle = closed.Value.Cycle;
        Check(await ratings.RevealAsync(track, cycle.Id, default));
        var slug = (await services.GetRequiredService<ClubArchiveService>().TurnOnAsync(guildId, default)).Value.ArchiveSlug!;
        return
        [
            ("club", ArchiveRoutes.Club(slug)),
            ("stats", ArchiveRoutes.Stats(slug)),
            ("pick", ArchiveRoutes.Cycle(slug, track.Id, cycle.Number)),
            ("result.png", ArchiveRoutes.ResultPicture(slug, track.Id, cycle.Number)),
            ("ratings.png", ArchiveRoutes.RatingsPicture(slug, track.Id, cycle.Number)),
        ];
    }

    public async Task RunAsync(CancellationToken stop)
    {
        await Task.WhenAll(Enumerable.Range(0, readers).Select(reader => Task.Run(() => ReadAsync(reader, stop), CancellationToken.None)));
    }

    public void Clear() => _answers.Clear();

    public void Report(TimeSpan elapsed)
    {
        var all = _answers.ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"archive readers: {readers}, think time {think.TotalMilliseconds:F0} ms: {all.Length} pages in {elapsed.TotalSeconds:F1} s = {all.Length / elapsed.TotalSeconds:F0}/s; not 200: {all.Count(a => a.Status != HttpStatusCode.OK)}"));
        foreach (var group in all.GroupBy(a => a.Kind).Prepend(all.GroupBy(_ => "all pages").Single()))
        {
            var ms = group.Select(a => a.Ms).Order().ToArray();
            double P(double q) => ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(q * ms.Length) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key,-12} {ms.Length,7}: p50 {P(0.5):F1} ms, p90 {P(0.9):F1} ms, p99 {P(0.99):F1} ms, max {P(1):F1} ms"));
        }
    }

    private async Task ReadAsync(int reader, CancellationToken stop)
    {
        var random = new Random(reader);
        var next = reader % pages.Count;
        // Readers arrive spread over one think time, not all in the same millisecond.
        await Delay(TimeSpan.FromMilliseconds(random.NextDouble() * think.TotalMilliseconds), stop);
        while (!stop.IsCancellationRequested)
        {
            var (kind, path) = pages[next];
            next = (next + 1) % pages.Count;
            var clock = Stopwatch.StartNew();
            try
            {
                using var answer = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, stop);
                _answers.Add((kind, clock.Elapsed.TotalMilliseconds, answer.StatusCode));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            // Think time: half to one and a half times the mean, so readers do not march in step.
            await Delay(think * (0.5 + random.NextDouble()), stop);
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void Check<T>(Result<T> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Seeding the archive failed: {result.Problem!.Message}");
        }
    }
}
