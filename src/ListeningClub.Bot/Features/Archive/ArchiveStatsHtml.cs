using System.Text;
using ListeningClub.Application.History;
using ListeningClub.Bot.Web;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Bot.Features.Archive;

/// <summary>
/// The archive's stats and leaderboards page, per track: the club's numbers, the best-loved and most divisive picks,
/// each season (calendar year) at a glance and how the club scores. From revealed ratings only, and about picks, never
/// members: the link may travel beyond the server, members' Discord identities stay in Discord. Escaping as in <see cref="ArchiveHtml"/>.
/// </summary>
internal static class ArchiveStatsHtml
{
    public const int Leaders = 10;

    public static string StatsPage(string slug, ClubHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var html = new StringBuilder();
        ArchiveHtml.Open(html, "Stats and leaderboards — club archive");
        html.Append("<p class=\"meta\"><a href=\"").Append(ArchiveHtml.Attribute(ArchiveRoutes.Club(slug))).Append("\">← the club</a></p>\n<h1>Stats and leaderboards</h1>\n");
        if (history.Tracks.Count == 0)
        {
            html.Append("<p>This club has no tracks yet.</p>\n");
        }

        foreach (var track in history.Tracks)
        {
            TrackStats(html, slug, track);
        }

        ArchiveHtml.Close(html);
        return html.ToString();
    }

    private static void TrackStats(StringBuilder html, string slug, TrackHistory track)
    {
        var stats = ClubStatistics.Club(track.Nominations, track.Picks, track.RevealedRatings, Leaders);
        var ratings = track.RevealedRatings;
        html.Append("<section>\n<h2>").Append(ArchiveHtml.Text(track.Track.Name)).Append("</h2>\n<div class=\"lead\">");
        Lead(html, stats.Picks, stats.Picks == 1 ? "pick" : "picks");
        Lead(html, stats.Nominations, stats.Nominations == 1 ? "nomination" : "nominations");
        Lead(html, ratings.Count, ratings.Count == 1 ? "rating revealed" : "ratings revealed");
        if (RatingSummary.Of(ratings.Select(r => r.Score)) is { } all)
        {
            html.Append("<div><strong>").Append(ArchiveHtml.Decimal(all.Mean)).Append("</strong>average score</div>");
        }

        if (track.Track.Kind == MediaKind.Film && track.Picks.Sum(p => p.Media.Catalogue?.RuntimeMinutes ?? 0) is var minutes and > 0)
        {
            html.Append("<div><strong>").Append(ArchiveHtml.Decimal(minutes / 60.0)).Append("</strong>hours of film</div>");
        }
        else if (track.Track.Kind == MediaKind.Album && track.Picks.Sum(p => p.Media.Catalogue?.TrackCount ?? 0) is var tracks and > 0)
        {
            html.Append("<div><strong>").Append(ArchiveHtml.Number(tracks)).Append("</strong>album tracks</div>");
        }

        html.Append("</div>\n");
        if (stats.Picks == 0)
        {
            html.Append("<p class=\"muted\">No picks yet.</p>\n</section>\n");
            return;
        }

        html.Append("<h3>Best loved</h3>\n");
        PickTable(html, slug, track, stats.TopPicks, "Mean", p => ArchiveHtml.Decimal(p.Summary.Mean), "Nothing has two revealed ratings yet.");
        html.Append("<h3>Most divisive</h3>\n");
        PickTable(html, slug, track, stats.MostDivisive, "Spread", p => "±" + ArchiveHtml.Decimal(p.Summary.StandardDeviation), $"A pick needs {RatingStatistics.MinRatingsForDivisive} revealed ratings to count.");
        Seasons(html, track);
        Scores(html, ratings);
        html.Append("</section>\n");
    }

    private static void Lead(StringBuilder html, int value, string what) =>
        html.Append("<div><strong>").Append(ArchiveHtml.Number(value)).Append("</strong>").Append(what).Append("</div>");

    private static void PickTable(StringBuilder html, string slug, TrackHistory track, IReadOnlyList<RatedPick> picks, string measure, Func<RatedPick, string> value, string empty)
    {
        if (picks.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(ArchiveHtml.Text(empty)).Append("</p>\n");
            return;
        }

        html.Append("<table><thead><tr><th class=\"num\">#</th><th>Pick</th><th class=\"num\">").Append(measure)
            .Append("</th><th class=\"num\">Ratings</th></tr></thead><tbody>\n");
        var place = 0;
        foreach (var rated in picks)
        {
            html.Append("<tr><td class=\"num\">").Append(ArchiveHtml.Number(++place)).Append("</td><td>");
            PickLink(html, slug, track, rated.Pick);
            html.Append("</td><td class=\"num\">").Append(ArchiveHtml.Text(value(rated))).Append("</td><td class=\"num\">")
                .Append(ArchiveHtml.Number(rated.Summary.Count)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    /// <summary>Each season (the calendar year, in the track's time zone, when ratings were revealed): picks rated, their average, the most divisive.</summary>
    private static void Seasons(StringBuilder html, TrackHistory track)
    {
        var seasons = track.Cycles.Where(c => c.Pick is not null && c.Ratings is { Count: > 0 })
            .GroupBy(c => track.SeasonOf(c)!.Value).OrderByDescending(g => g.Key).ToList();
        if (seasons.Count == 0)
        {
            return;
        }

        html.Append("<h3>Seasons</h3>\n<table><thead><tr><th>Season</th><th class=\"num\">Picks rated</th><th class=\"num\">Average</th><th>Most divisive</th></tr></thead><tbody>\n");
        foreach (var season in seasons)
        {
            var mean = season.Average(c => c.Ratings!.Average(r => r.Score));
            html.Append("<tr><td>").Append(ArchiveHtml.Number(season.Key)).Append("</td><td class=\"num\">").Append(ArchiveHtml.Number(season.Count()))
                .Append("</td><td class=\"num\">").Append(ArchiveHtml.Decimal(mean)).Append("</td><td>");
            if (track.MostDivisiveOf(season.Key) is { } most)
            {
                html.Append(ArchiveHtml.Text(most.Cycle.Pick!.Media.DisplayName)).Append(" (±").Append(ArchiveHtml.Decimal(most.Summary.StandardDeviation)).Append(')');
            }
            else
            {
                html.Append("<span class=\"muted\">—</span>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Scores(StringBuilder html, IReadOnlyList<Rating> ratings)
    {
        if (ratings.Count == 0)
        {
            return;
        }

        html.Append("<h3>How the club scores</h3>\n<table><thead><tr><th class=\"num\">Score</th><th class=\"num\">Ratings</th><th class=\"num\">Share</th></tr></thead><tbody>\n");
        foreach (var score in Enumerable.Range(Rating.MinScore, Rating.MaxScore - Rating.MinScore + 1).Reverse())
        {
            var count = ratings.Count(r => r.Score == score);
            html.Append("<tr><td class=\"num\">").Append(ArchiveHtml.Number(score)).Append("</td><td class=\"num\">").Append(ArchiveHtml.Number(count))
                .Append("</td><td class=\"num\">").Append(ArchiveHtml.Decimal(100.0 * count / ratings.Count)).Append("%</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void PickLink(StringBuilder html, string slug, TrackHistory track, Pick pick) =>
        html.Append("<a href=\"").Append(ArchiveHtml.Attribute(ArchiveRoutes.Cycle(slug, track.Track.Id, pick.CycleNumber))).Append("\">")
            .Append(ArchiveHtml.Text(pick.Media.DisplayName)).Append("</a>");
}
