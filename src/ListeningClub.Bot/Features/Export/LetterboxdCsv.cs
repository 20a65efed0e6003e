using System.Globalization;
using System.Text;
using ListeningClub.Application.History;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Features.Export;

/// <summary>
/// A film track's picks as a Letterboxd import CSV (Title, Year, tmdbID, imdbID, WatchedDate, Rating10, Review): a pick
/// chosen from the catalogue carries its TMDB and IMDb ids, so Letterboxd matches it exactly. WatchedDate is the
/// announcement date in the track's time zone. For a member: their own revealed rating and review; for the club: the
/// rounded mean of the revealed ratings and no review. Sealed ratings never count (the history holds none).
/// </summary>
public static class LetterboxdCsv
{
    public const string Header = "Title,Year,tmdbID,imdbID,WatchedDate,Rating10,Review\n";

    public static string Write(TrackHistory history, ulong? memberId)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Track.Kind != MediaKind.Film)
        {
            throw new ArgumentException("Letterboxd is for films; this track is for albums.", nameof(history));
        }

        var zone = history.Track.TimeZone;
        var csv = new StringBuilder(Header);
        foreach (var cycle in history.Cycles)
        {
            if (cycle.Pick is not { } pick)
            {
                continue;
            }

            var watched = TimeZoneInfo.ConvertTime(pick.AnnouncedAt, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var ratings = cycle.Ratings ?? [];
            string score;
            var review = "";
            if (memberId is { } member)
            {
                var mine = ratings.FirstOrDefault(rating => rating.MemberId == member);
                score = mine?.Score.ToString(CultureInfo.InvariantCulture) ?? "";
                review = mine?.Review ?? "";
            }
            else
            {
                score = ratings.Count == 0
                    ? ""
                    : Math.Round(ratings.Average(rating => rating.Score), MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
            }

            csv.Append(Field(pick.Media.Title)).Append(',')
                .Append(pick.Media.Year?.ToString(CultureInfo.InvariantCulture) ?? "").Append(',')
                .Append(pick.Media.Catalogue?.TmdbId?.ToString(CultureInfo.InvariantCulture) ?? "").Append(',')
                .Append(Field(pick.Media.Catalogue?.ImdbId ?? "")).Append(',')
                .Append(watched).Append(',')
                .Append(score).Append(',')
                .Append(Field(review)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.</summary>
    internal static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
