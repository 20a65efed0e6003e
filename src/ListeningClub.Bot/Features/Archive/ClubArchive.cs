using ListeningClub.Application.Archive;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Web;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Common;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Features.Archive;

/// <summary>/club archive on|off|rotate-link|public: the club's read-only web archive, behind an unguessable link or, when the club chooses, a public name.</summary>
public sealed class ClubArchive(ClubArchiveService archives, IOptions<WebOptions> web, WebServer server) : IManagerSubcommand
{
    public static string Help => "the club's web archive: turn it on or off, give it a new unlisted link, or a public name";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Group(
        "archive",
        "The club's read-only web archive",
        CommandOptions.Subcommand("on", "Turn the web archive on and get its link"),
        CommandOptions.Subcommand("off", "Turn the web archive off (its link stops working)"),
        CommandOptions.Subcommand("rotate-link", "Give the archive a new unlisted link (the old one stops working)"),
        CommandOptions.Subcommand(
            "public",
            "Make the archive public under a name anyone may find (the unlisted link stops working)",
            CommandOptions.Text("name", "Lowercase letters, digits and hyphens, e.g. film-night-berlin", required: true, maxLength: ClubArchiveService.MaxNameLength)));

    public async Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = request.Context.CommandPath.ElementAtOrDefault(2);
        var changed = action switch
        {
            "on" => await archives.TurnOnAsync(request.GuildId, ct).ConfigureAwait(false),
            "off" => await archives.TurnOffAsync(request.GuildId, ct).ConfigureAwait(false),
            "rotate-link" => await archives.RotateLinkAsync(request.GuildId, ct).ConfigureAwait(false),
            "public" => await archives.UsePublicNameAsync(request.GuildId, request.Context.GetString("name"), ct).ConfigureAwait(false),
            _ => new Problem("archive.unknown", "Unknown /club archive command: Discord may still show an old list; try again in a minute."),
        };
        if (!changed.IsSuccess)
        {
            return changed.Problem!;
        }

        if (changed.Value.ArchiveSlug is not { } slug)
        {
            return "The club's web archive is off; its link no longer works. `/club archive on` turns it on again with a new link.";
        }

        var link = new Uri(server.LinkBase, ArchiveRoutes.Club(slug).TrimStart('/'));
        if (ClubArchiveService.IsPublicName(slug))
        {
            return $"The club's web archive is public: <{link}>\nAnyone may find and read it (picks, results and revealed ratings; never ballots or sealed ratings). `/club archive rotate-link` makes it unlisted again with an unguessable link; `/club archive off` takes it down.{ServerOff()}";
        }

        var what = action == "rotate-link" ? "has a new link; the old one no longer works" : "is on";
        return $"The club's web archive {what}: <{link}>\nAnyone with this link can read the club's picks, results and revealed ratings (never ballots or sealed ratings). Share it with the club; `/club archive rotate-link` replaces it.{ServerOff()}";
    }

    private string ServerOff() => web.Value.Enabled
        ? ""
        : "\nThe bot's web server is off, so the link answers nothing yet: whoever runs the bot sets `Web:Enabled` to true.";
}
