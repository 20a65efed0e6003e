using System.Text;
using System.Text.Json.Nodes;
using ListeningClub.Bot.Tests.Support;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.EndToEnd;

/// <summary>/club export hands a manager the club's history as files they can keep and import elsewhere.</summary>
public sealed class ExportTests
{
    [Fact]
    public async Task Export_AfterAPick_GivesTheHistoryAsJson_AndALetterboxdCsvForTheFilmTrack()
    {
        await using var bot = await RunningBot.StartAsync();
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin"), ("method", "plurality")));
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Album Club"), ("kind", "album"), ("channel", bot.Guild.Channels["album-club"]), ("timezone", "Europe/Berlin")));
        await bot.CommandAsync("ana", "nominate", Sub("film", ("title", "Paris, Texas"), ("year", 1984), ("pitch", "Harry Dean \"Stanton\", a road, a phone booth")));
        await bot.CommandAsync("boss", "club", Sub("open-voting", ("track", "Film Night")));
        await bot.CommandAsync("boss", "club", Sub("close-voting", ("track", "Film Night")));

        var export = await bot.CommandAsync("boss", "club", Sub("export"));

        Assert.True(IsPrivate(export));
        Assert.Contains("Letterboxd", Content(export), StringComparison.Ordinal);
        var files = export.Original!["attachments"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(2, files.Count);
        var json = JsonNode.Parse(await bot.Control.AttachmentAsync(Url(files, ".json")))!;
        Assert.Contains("Paris, Texas", json.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Album Club", json.ToJsonString(), StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(await bot.Control.AttachmentAsync(Url(files, "film-night-letterboxd")));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Title,Year,tmdbID,imdbID,WatchedDate,Rating10,Review", lines[0].TrimEnd('\r'));
        Assert.StartsWith("\"Paris, Texas\",1984,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithoutAClub_SaysThereIsNothingToExport()
    {
        await using var bot = await RunningBot.StartAsync();

        var export = await bot.CommandAsync("boss", "club", Sub("export"));

        Assert.Contains("nothing to export", Content(export), StringComparison.Ordinal);
        Assert.Null(export.Original?["attachments"]?.AsArray().FirstOrDefault());
    }

    private static string Url(List<JsonObject> files, string name) =>
        files.Single(f => f["filename"]!.GetValue<string>().Contains(name, StringComparison.Ordinal))["url"]!.GetValue<string>();
}
