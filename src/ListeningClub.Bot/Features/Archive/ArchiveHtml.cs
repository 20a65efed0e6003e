// Over 250 lines: the archive's two pages are one piece of markup, kept together so their escaping is reviewed in one place.
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ListeningClub.Application.History;
using ListeningClub.Bot.Web;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Ratings;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Features.Archive;

/// <summary>
/// The archive's HTML, written as strings. Every piece of member or catalogue text goes through <see cref="Text"/> (the
/// framework's <see cref="HtmlEncoder"/>), every URL through <c>Attribute</c>; nothing here writes an inline script or
/// an inline style (the one script is <c>/archive.js</c>). Times are UTC in <c>&lt;time datetime&gt;</c>, with the
/// track's own local time beside them; the script adds the reader's.
/// </summary>
internal static class ArchiveHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string ClubPage(string slug, ClubHistory history, DateTimeOffset now)
    {
        var html = new StringBuilder();
        var title = history.Tracks.Count == 0 ? "Club archive" : string.Join(" · ", history.Tracks.Select(t => t.Track.Name)) + " — club archive";
        Open(html, title);
        html.Append("<h1>").Append(Text(title)).Append("</h1>\n");
        html.Append("<p class=\"meta\"><a href=\"").Append(Attribute(ArchiveRoutes.Stats(slug))).Append("\">Stats and leaderboards</a> · Downloads: <a href=\"").Append(Attribute(ArchiveRoutes.HistoryJson(slug))).Append("\" download>the whole history (JSON)</a>");
        foreach (var film in history.Tracks.Where(t => t.Track.Kind == MediaKind.Film))
        {
            html.Append(" · <a href=\"").Append(Attribute(ArchiveRoutes.Letterboxd(slug, film.Track.Id))).Append("\" download>")
                .Append(Text(film.Track.Name)).Append(" for Letterboxd (CSV)</a>");
        }

        html.Append("</p>\n");
        if (history.Tracks.Count == 0)
        {
            html.Append("<p>This club has no tracks yet.</p>\n");
        }

        foreach (var track in history.Tracks)
        {
            TrackSection(html, slug, track, now);
        }

        Close(html);
        return html.ToString();
    }

    public static string CyclePage(string slug, TrackHistory track, CycleHistory cycle, TallyResult? count, Func<string, string> names, CycleCaptions captions)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(captions);
        var pick = cycle.Pick ?? throw new ArgumentException("Only announced cycles have a page.", nameof(cycle));
        var html = new StringBuilder();
        Open(html, $"{pick.Media.DisplayName} — {track.Track.Name}, cycle {cycle.Cycle.Number}");
        html.Append("<p class=\"meta\"><a href=\"").Append(Attribute(ArchiveRoutes.Club(slug))).Append("\">← ").Append(Text(track.Track.Name)).Append("</a></p>\n");
        html.Append("<div class=\"hero\">");
        Poster(html, pick.Media, "cover");
        html.Append("<div><h1>").Append(Text(pick.Media.Title)).Append("</h1>\n<p class=\"meta\">").Append(Text(Byline(pick.Media))).Append("</p>\n");
        html.Append("<p>Cycle ").Append(Number(cycle.Cycle.Number)).Append(" of ").Append(Text(track.Track.Name)).Append(", announced ")
            .Append(Time(pick.AnnouncedAt, track.Track)).Append(".</p>\n");
        if (pick.Media.Catalogue?.Synopsis is { Length: > 0 } synopsis)
        {
            html.Append("<p>").Append(Text(synopsis)).Append("</p>\n");
        }

        if (pick.Pitch is { Length: > 0 } pitch)
        {
            html.Append("<p class=\"meta\">The pitch:</p><blockquote>").Append(Text(pitch)).Append("</blockquote>\n");
        }

        if (SafeLink(pick.Media.Link) is { } link)
        {
            html.Append("<p><a href=\"").Append(Attribute(link)).Append("\" rel=\"noreferrer noopener\">More about it</a></p>\n");
        }

        html.Append("</div></div>\n");

        html.Append("<h2>The vote</h2>\n<p>").Append(Text(MethodName(pick.Method))).Append(": ").Append(Number(pick.BallotCount))
            .Append(pick.BallotCount == 1 ? " ballot, " : " ballots, ").Append(Number(pick.CandidateCount)).Append(" candidates.")
            .Append(pick.TieBroken ? " A tie was broken by the published rule." : "").Append("</p>\n");
        html.Append("<table><thead><tr><th>Candidate</th><th>Nominated</th></tr></thead><tbody>\n");
        foreach (var nomination in cycle.Nominations.Where(n => n.IsActive || n.Id == pick.NominationId))
        {
            html.Append("<tr><td>").Append(nomination.Id == pick.NominationId ? "<strong>" : "").Append(Text(nomination.Media.DisplayName))
                .Append(nomination.Id == pick.NominationId ? "</strong> (the pick)" : "").Append("</td><td>")
                .Append(Time(nomination.NominatedAt, track.Track)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        if (count is not null)
        {
            ArchiveCountHtml.Write(html, count, names);
            Picture(html, ArchiveRoutes.ResultPicture(slug, track.Track.Id, cycle.Cycle.Number), captions.Result);
        }

        TieBreakSection(html, cycle);
        RatingsSection(html, cycle);
        Picture(html, ArchiveRoutes.RatingsPicture(slug, track.Track.Id, cycle.Cycle.Number), captions.Ratings);
        Close(html);
        return html.ToString();
    }

    private static void TrackSection(StringBuilder html, string slug, TrackHistory track, DateTimeOffset now)
    {
        var t = track.Track;
        html.Append("<section>\n<h2>").Append(Text(t.Name)).Append("</h2>\n<p class=\"meta\">")
            .Append(t.Kind == MediaKind.Film ? "Films" : "Albums").Append(" · ").Append(Text(MethodName(t.Rules.VotingMethod)))
            .Append(" · time zone ").Append(Text(t.TimeZoneId)).Append(" · ").Append(Text(t.ScheduleDescription)).Append("</p>\n");
        if (track.Cycles.Count > 0 && track.Cycles[^1] is { } current)
        {
            html.Append("<p>Now: cycle ").Append(Number(current.Cycle.Number)).Append(", ").Append(PhaseText(current.Cycle, t, now)).Append("</p>\n");
        }

        var picked = track.Cycles.Where(c => c.Pick is not null).Reverse().ToList();
        if (picked.Count == 0)
        {
            html.Append("<p class=\"muted\">No picks yet.</p>\n</section>\n");
            return;
        }

        html.Append("<h3>Picks</h3>\n<ol class=\"picks\" reversed>\n");
        foreach (var cycle in picked)
        {
            var pick = cycle.Pick!;
            html.Append("<li>");
            Poster(html, pick.Media, null);
            html.Append("<div><a class=\"title\" href=\"").Append(Attribute(ArchiveRoutes.Cycle(slug, t.Id, cycle.Cycle.Number))).Append("\">")
                .Append(Text(pick.Media.Title)).Append("</a><br><span class=\"meta\">").Append(Text(Byline(pick.Media))).Append(" · cycle ")
                .Append(Number(cycle.Cycle.Number)).Append(" · ").Append(Time(pick.AnnouncedAt, t));
            if (cycle.Ratings is { } ratings && RatingSummary.Of(ratings.Select(r => r.Score)) is { } summary)
            {
                html.Append(" · rated ").Append(Decimal(summary.Mean)).Append("/10 by ").Append(Number(summary.Count));
            }

            html.Append("</span></div></li>\n");
        }

        html.Append("</ol>\n</section>\n");
    }

    private static void TieBreakSection(StringBuilder html, CycleHistory cycle)
    {
        var pick = cycle.Pick!;
        html.Append("<h2 id=\"tie-break\">Tie-break check</h2>\n");
        html.Append("<p>When voting opened, the bot drew a secret random seed and published its SHA-256 (the commitment). Ties are broken by ordering the tied candidates by HMAC-SHA256(seed, candidate id). The seed is revealed with the result, so anyone can recompute both.</p>\n");
        html.Append("<table><tbody>\n<tr><th>Commitment (published when voting opened)</th><td><code>").Append(Text(pick.TieBreakCommitment)).Append("</code></td></tr>\n");
        html.Append("<tr><th>Revealed seed</th><td><code>").Append(Text(pick.TieBreakSeedHex)).Append("</code></td></tr>\n");
        if (!TieBreakSeed.TryParse(pick.TieBreakSeedHex, out var seed))
        {
            html.Append("<tr><th>Check</th><td class=\"bad\">The revealed seed is not a valid seed.</td></tr>\n</tbody></table>\n");
            return;
        }

        var matches = string.Equals(seed.Commitment, pick.TieBreakCommitment, StringComparison.OrdinalIgnoreCase);
        html.Append("<tr><th>SHA-256 of the seed's 32 bytes, recomputed</th><td><code>").Append(Text(seed.Commitment)).Append("</code> ")
            .Append(matches ? "<span class=\"ok\">matches the commitment</span>" : "<span class=\"bad\">does not match the commitment</span>")
            .Append("</td></tr>\n</tbody></table>\n");

        var candidates = cycle.Nominations.Where(n => n.IsActive || n.Id == pick.NominationId).ToList();
        if (candidates.Count < 2)
        {
            return;
        }

        var breaker = new TieBreaker(seed);
        var names = candidates.ToDictionary(n => n.CandidateId, n => n.Media.DisplayName, StringComparer.Ordinal);
        html.Append("<p>Any tie among this cycle's candidates is broken in this order (first wins):</p>\n<table><thead><tr><th class=\"num\">#</th><th>Candidate</th><th>Candidate id</th><th>HMAC-SHA256(seed, id)</th></tr></thead><tbody>\n");
        var place = 0;
        foreach (var id in breaker.Order(names.Keys))
        {
            html.Append("<tr><td class=\"num\">").Append(Number(++place)).Append("</td><td>").Append(Text(names[id])).Append("</td><td><code>")
                .Append(Text(id)).Append("</code></td><td><code>").Append(Text(breaker.ComputeKeyHex(id))).Append("</code></td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void RatingsSection(StringBuilder html, CycleHistory cycle)
    {
        html.Append("<h2>Ratings</h2>\n");
        if (cycle.Ratings is not { } ratings)
        {
            html.Append("<p class=\"muted\">Ratings are sealed until they are revealed, when the next pick is announced.</p>\n");
            return;
        }

        if (RatingSummary.Of(ratings.Select(r => r.Score)) is not { } summary)
        {
            html.Append("<p class=\"muted\">Nobody rated this pick.</p>\n");
            return;
        }

        html.Append("<p>Mean <strong>").Append(Decimal(summary.Mean)).Append("</strong>/10, median ").Append(Decimal(summary.Median))
            .Append(", from ").Append(Number(summary.Count)).Append(summary.Count == 1 ? " rating" : " ratings").Append(" (lowest ")
            .Append(Number(summary.Lowest)).Append(", highest ").Append(Number(summary.Highest)).Append(").</p>\n");
        html.Append("<table><thead><tr><th class=\"num\">Score</th><th class=\"num\">Ratings</th></tr></thead><tbody>\n");
        foreach (var score in Enumerable.Range(Rating.MinScore, Rating.MaxScore - Rating.MinScore + 1).Reverse())
        {
            var count = ratings.Count(r => r.Score == score);
            if (count > 0)
            {
                html.Append("<tr><td class=\"num\">").Append(Number(score)).Append("</td><td class=\"num\">").Append(Number(count)).Append("</td></tr>\n");
            }
        }

        html.Append("</tbody></table>\n");
        var reviews = ratings.Where(r => !string.IsNullOrWhiteSpace(r.Review)).ToList();
        if (reviews.Count > 0)
        {
            html.Append("<h3>Reviews</h3>\n");
            foreach (var rating in reviews)
            {
                html.Append("<p class=\"meta\">").Append(Number(rating.Score)).Append("/10</p><blockquote>").Append(Text(rating.Review!)).Append("</blockquote>\n");
            }
        }
    }

    private static string PhaseText(Cycle cycle, Domain.Clubs.Track track, DateTimeOffset now) => cycle.Phase switch
    {
        CyclePhase.Nominating when cycle.VotingOpensAt is { } opens && opens > now => $"nominations are open; voting opens {Time(opens, track)}.",
        CyclePhase.Nominating => "nominations are open.",
        CyclePhase.Voting when cycle.VotingClosesAt is { } closes => $"voting is open until {Time(closes, track)}.",
        CyclePhase.Voting => "voting is open.",
        CyclePhase.Announced => "the pick has been announced.",
        _ => "closed.",
    };

    /// <summary>A chart of the page, with what it shows as its alt text; nothing when there is no chart.</summary>
    private static void Picture(StringBuilder html, string path, string? caption)
    {
        if (caption is null)
        {
            return;
        }

        html.Append("<figure><img class=\"chart\" src=\"").Append(Attribute(path)).Append("\" alt=\"").Append(Text(caption))
            .Append("\" width=\"1000\" height=\"600\" loading=\"lazy\"></figure>\n");
    }

    internal static void Open(StringBuilder html, string title) =>
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>").Append(Text(title))
            .Append("</title>\n<link rel=\"stylesheet\" href=\"").Append(ArchiveRoutes.Stylesheet).Append("\">\n<script src=\"").Append(ArchiveRoutes.Script)
            .Append("\" defer></script>\n</head>\n<body>\n<main>\n");

    internal static void Close(StringBuilder html) =>
        html.Append("<footer>A read-only archive kept by the club's ListeningClub bot. Times are shown in UTC and in the track's time zone, and in yours when your browser runs the page's script. Film data from TMDB (this product uses the TMDB API but is not endorsed or certified by TMDB); album data from MusicBrainz, covers from the Cover Art Archive.</footer>\n</main>\n</body>\n</html>\n");

    internal static void Poster(StringBuilder html, MediaItem media, string? cssClass)
    {
        if (SafeLink(media.Catalogue?.ImageUrl) is not { } image)
        {
            return;
        }

        html.Append("<img src=\"").Append(Attribute(image)).Append("\" alt=\"").Append(Text((media.Kind == MediaKind.Film ? "Poster of " : "Cover of ") + media.Title))
            .Append("\" loading=\"lazy\" referrerpolicy=\"no-referrer\"").Append(cssClass is null ? "" : $" class=\"{cssClass}\"").Append('>');
    }

    internal static string Byline(MediaItem media) => media switch
    {
        Film film => string.Join(" · ", new[] { film.Year?.ToString(CultureInfo.InvariantCulture), film.Director is { Length: > 0 } d ? "directed by " + d : null, film.Catalogue?.RuntimeMinutes is { } m ? $"{m} min" : null }.OfType<string>()),
        Album album => string.Join(" · ", new[] { album.Artist, album.Year?.ToString(CultureInfo.InvariantCulture), album.Catalogue?.TrackCount is { } n ? $"{n} tracks" : null }.OfType<string>()),
        _ => media.DisplayName,
    };

    private static string MethodName(VotingMethod method) => method switch
    {
        VotingMethod.Plurality => "Plurality",
        VotingMethod.Approval => "Approval voting",
        VotingMethod.InstantRunoff => "Instant-runoff (ranked)",
        VotingMethod.Schulze => "Schulze (ranked, Condorcet)",
        _ => method.ToString(),
    };

    /// <summary>A <c>&lt;time&gt;</c> element: machine-readable UTC, shown in UTC and in the track's time zone.</summary>
    internal static string Time(DateTimeOffset at, Domain.Clubs.Track track)
    {
        var utc = at.ToUniversalTime();
        var local = TimeZoneInfo.ConvertTime(utc, track.TimeZone);
        return $"<time datetime=\"{utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">{utc.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} UTC</time>"
            + $" <span class=\"muted\">({Text(local.ToString("ddd HH:mm", CultureInfo.InvariantCulture))} {Text(track.TimeZoneId)})</span>";
    }

    private static Uri? SafeLink(Uri? uri) => uri is { IsAbsoluteUri: true } && uri.Scheme is "https" or "http" ? uri : null;

    internal static string Text(string text) => Encoder.Encode(text);

    private static string Attribute(Uri uri) => Encoder.Encode(uri.AbsoluteUri);

    internal static string Attribute(string path) => Encoder.Encode(path);

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Decimal(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
