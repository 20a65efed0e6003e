using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Web;

/// <summary>
/// The shape of a club archive's URLs, shared by the features that serve them (pages: Archive; downloads: Export). All
/// start with <c>/c/{slug}/</c>: the slug is the only key, so an unknown, rotated or disabled one answers 404 everywhere.
/// </summary>
public static class ArchiveRoutes
{
    public const string ClubPattern = "/c/{slug}/";
    public const string CyclePattern = "/c/{slug}/t/{track:guid}/{number:int}";
    public const string ResultPicturePattern = "/c/{slug}/t/{track:guid}/{number:int}/result.png";
    public const string RatingsPicturePattern = "/c/{slug}/t/{track:guid}/{number:int}/ratings.png";
    public const string StatsPattern = "/c/{slug}/stats";
    public const string HistoryJsonPattern = "/c/{slug}/history.json";
    public const string LetterboxdPattern = "/c/{slug}/t/{track:guid}/letterboxd.csv";
    public const string Stylesheet = "/archive.css";
    public const string Script = "/archive.js";

    public static string Club(string slug) => $"/c/{Uri.EscapeDataString(slug)}/";

    public static string Cycle(string slug, TrackId track, int number) => $"{Club(slug)}t/{track.Value:D}/{number}";

    public static string ResultPicture(string slug, TrackId track, int number) => Cycle(slug, track, number) + "/result.png";

    public static string RatingsPicture(string slug, TrackId track, int number) => Cycle(slug, track, number) + "/ratings.png";

    public static string Stats(string slug) => $"{Club(slug)}stats";

    public static string HistoryJson(string slug) => $"{Club(slug)}history.json";

    public static string Letterboxd(string slug, TrackId track) => $"{Club(slug)}t/{track.Value:D}/letterboxd.csv";
}
