using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Help;

/// <summary>/help: every command with one line each, for members and for managers.</summary>
public sealed class HelpCommand : IInteractionHandler
{
    public static InteractionRoutes Routes { get; } = InteractionRoutes.ForCommand(new ApplicationCommand
    {
        Name = "help",
        Description = "What ListeningClub can do",
    });

    public const string Text = """
        **ListeningClub** runs this server's film and album club.

        **Members**
        `/nominate film` or `/nominate album` — put something forward for the next pick
        `/withdraw` — take back one of your nominations
        `/nominations` — this cycle's list
        `/vote` — your private ballot (or press **Vote** on the voting post); change it until voting closes
        `/ballot` — see your current ballot
        `/pick` — the current pick, its thread and the next dates
        `/rate` — rate the latest pick 1–10 (add `review-box` for a longer review); ratings stay sealed until the reveal
        `/history` — past picks and how the club rated them
        `/stats` — the club's numbers, or a member's (wins, ratings, best taste match)
        `/prompt suggest` — add a discussion question to the deck
        `/schedule` — the track's next steps, in your own time zone
        `/remind on|off` — get (or stop) the reminder pings and, if you like, DMs

        **Managers** (Manage Server, or the club's manager role)
        `/club setup` — create or change a track: channel (a text or forum channel I can post in), kind, time zone, voting method (optionally as a Discord poll), rules
        `/club schedule` — when each step happens; `/club pause`, `/club resume`, `/club skip`, `/club advance`
        `/club reminder-role` — the role reminders ping (members opt in with /remind)
        `/club show` — the club's tracks and settings, and any posts still waiting for Discord to accept them
        `/club open-voting`, `/club close-voting` — run those steps now
        `/club veto` — remove a nomination, with a reason
        `/club manager-role` — who else may manage the club
        `/club prompts list|add|remove` — the track's discussion deck
        `/club export` — the club's history as JSON, and Letterboxd CSV for film tracks
        `/club backup` — a backup of the club's file now

        Every tie is broken by a seed committed when voting opens and revealed with the result, so anyone can check it.
        """;

    public Task HandleAsync(InteractionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ReplyAsync(new InteractionReply { Content = Text, Ephemeral = true, AllowedMentions = AllowedMentions.None }, ct);
    }
}
