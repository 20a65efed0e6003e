using ListeningClub.Bot.Features.Club;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>
/// /club advance: performs the track's next step now (the first one due, else the next one ahead), with the posts it
/// makes on schedule, once; says which step it performed and which comes next.
/// </summary>
public sealed class ClubAdvance(TrackRhythm rhythm, TrackChange change, TimeProvider time) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("advance", "Run the track's next scheduled step now", Options.Track());

    public Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => rhythm.RunNextStepNowAsync(track, ct),
        (track, ran) => Task.FromResult(Reply(track, ran)),
        ct);

    private string Reply(Domain.Clubs.Track track, AdvancedStep ran)
    {
        var done = $"Done: **{UpcomingSteps.Label(ran.Done)}** for **{Markdown.Text(track.Name)}** (planned for {Markdown.Time(ran.Done.At)}).";
        if (ran.Next is not { } next)
        {
            return done + "\nNothing else is planned.";
        }

        var when = next.At <= time.GetUtcNow() ? "due now" : $"{Markdown.Time(next.At)} ({Markdown.Time(next.At, 'R')})";
        return done + $"\nNext: **{UpcomingSteps.Label(next)}** — {when}.";
    }
}
