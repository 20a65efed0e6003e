using System.Globalization;
using System.Text;
using ListeningClub.Application.History;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;

namespace ListeningClub.Bot.Features.Export;

/// <summary>
/// /club export [member]: the club's whole history as JSON, and each film track's picks as a Letterboxd import CSV
/// (the club's mean rating, or the named member's own), as files on a private reply. Only what is already public goes
/// in: ballots after the announcement, ratings after the reveal.
/// </summary>
public sealed class ClubExport(ClubHistoryQuery history, TimeProvider time) : IManagerSubcommand
{
    /// <summary>Discord's upload limit for servers without boosts, when the interaction does not say.</summary>
    public const long DefaultUploadLimit = 10 * 1024 * 1024;

    public static string Help => "the club's history as JSON, and Letterboxd CSV for film tracks";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand(
        "export",
        "Download the club's history (JSON, and Letterboxd CSV for film tracks)",
        CommandOptions.User("member", "Put this member's own ratings in the Letterboxd files (default: the club's average)"));

    public async Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Club is not { Tracks.Count: > 0 } || await history.GetAsync(request.GuildId, ct).ConfigureAwait(false) is not { } club)
        {
            return new Problem("export.none", "This server has no club yet, so there is nothing to export. Start one with /club setup.");
        }

        var date = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var member = request.Context.GetId("member");
        var files = new List<FileUpload> { new($"listeningclub-{date}.json", Encoding.UTF8.GetBytes(ClubHistoryJson.Write(club)), "application/json") };
        foreach (var track in club.Tracks.Where(t => t.Track.Kind == MediaKind.Film))
        {
            var csv = LetterboxdCsv.Write(track, member);
            files.Add(new FileUpload($"{FileName(track.Track.Name)}-letterboxd-{date}.csv", Encoding.UTF8.GetBytes(csv), "text/csv"));
        }

        var size = files.Sum(f => (long)f.Content.Length);
        var limit = request.Context.Interaction.AttachmentSizeLimit ?? DefaultUploadLimit;
        if (size > limit)
        {
            return new Problem("export.too_big", string.Create(CultureInfo.InvariantCulture,
                $"The export is {size / 1048576.0:0.0} MB, more than the {limit / 1048576.0:0.#} MB Discord lets the bot upload here. The bot's daily backups in its data folder hold the same history."));
        }

        var whose = member is { } id ? $"{Markdown.Member(id)}'s ratings" : "the club's average ratings";
        var letterboxd = files.Count > 1 ? $" The CSV files import into Letterboxd (letterboxd.com/import) with {whose}." : "";
        return ManagerOutcome.Done(new InteractionReply
        {
            Content = $"Here is the club's history as of {date}: every track, cycle, nomination, pick and prompt, and ballots and ratings once they were public.{letterboxd}",
            Files = files,
            Ephemeral = true,
            AllowedMentions = AllowedMentions.None,
        });
    }

    /// <summary>A track name as a safe file name: letters and digits, the rest as single dashes.</summary>
    private static string FileName(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        return text.ToString().Trim('-') is { Length: > 0 } safe ? safe : "track";
    }
}
