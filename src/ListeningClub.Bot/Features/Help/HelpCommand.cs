using System.Text;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;

namespace ListeningClub.Bot.Features.Help;

/// <summary>/help: every registered command with its one line, for members and for managers, written from the commands' own help.</summary>
public sealed class HelpCommand(IEnumerable<HelpLine> lines) : IMemberCommand
{
    public static string Help => "this list";

    public static InteractionRoutes Routes { get; } = InteractionRoutes.ForCommand(new ApplicationCommand
    {
        Name = "help",
        Description = "What ListeningClub can do",
    });

    public const string Intro = "**ListeningClub** runs this server's film and album club.";

    /// <summary>Where film and album facts come from, as TMDB's terms ask to say where its data appears.</summary>
    public const string Attribution = "Film facts and posters come from TMDB. This product uses the TMDB API but is not endorsed or certified by TMDB. Album facts come from MusicBrainz, covers from the Cover Art Archive.";

    /// <summary>The list of commands, as the embed of the /help reply shows it.</summary>
    public static string Render(IEnumerable<HelpLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var all = lines.ToList();
        var text = new StringBuilder("**Members**\n");
        foreach (var line in all.Where(l => !l.ForManagers))
        {
            text.Append(line.Usage).Append(" — ").Append(line.Text).Append('\n');
        }

        text.Append("\n**Managers** (Manage Server, or the club's manager role)\n");
        foreach (var line in all.Where(l => l.ForManagers))
        {
            text.Append(line.Usage).Append(" — ").Append(line.Text).Append('\n');
        }

        text.Append("\nEvery tie is broken by a seed committed when voting opens and revealed with the result, so anyone can check it.");
        text.Append("\n\n").Append(Attribution);
        return text.ToString();
    }

    public Task HandleAsync(InteractionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ReplyAsync(new InteractionReply
        {
            Content = Intro,
            Embeds = [new Embed { Description = DiscordText.Truncate(Render(lines), DiscordLimits.EmbedDescription), Color = Palette.Pick }],
            Ephemeral = true,
            AllowedMentions = AllowedMentions.None,
        }, ct);
    }
}
