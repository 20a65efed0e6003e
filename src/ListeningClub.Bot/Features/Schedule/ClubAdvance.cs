using ListeningClub.Application.Steps;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>
/// /club advance: performs the track's next step now (the first one due, else the next one ahead), with the posts it
/// makes on schedule, once; says which step it performed and which comes next.
/// </summary>
public sealed class ClubAdvance(StepRunner steps, TrackChange change, TimeProvider time) : IManagerSubcommand
{
    public static string Help => "run the track's next scheduled step now";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand("advance", "Run the track's next scheduled step now", CommandOptions.Track());

    public Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => steps.RunNextStepNowAsync(track, ct),
        (track, ran) => Task.FromResult(Reply(track, ran)),
        ct);

    private string Reply(Domain.Clubs.Track track, AdvancedStep ran)
    {
        var done = $"Done: **{StepNames.Label(ran.Done)}** for **{Markdown.Text(track.Name)}** (planned for {Markdown.Time(ran.Done.At)}).";
        if (ran.Next is not { } next)
        {
            return done + "\nNothing else is planned.";
        }

        var when = next.At <= time.GetUtcNow() ? "due now" : $"{Markdown.Time(next.At)} ({Markdown.Time(next.At, 'R')})";
        return done + $"\nNext: **{StepNames.Label(next)}** — {when}.";
    }
}
