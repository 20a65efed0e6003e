using ListeningClub.Bot.Features.Club;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>/club advance: runs the track's next planned step now, with the posts it would make on schedule.</summary>
public sealed class ClubAdvance(TrackRhythm rhythm, TrackChange change, UpcomingSteps upcoming) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("advance", "Run the track's next scheduled step now", Options.Track());

    public Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => rhythm.RunNextStepNowAsync(track, ct),
        async (track, ran) => $"Done: {UpcomingSteps.Name(ran.Step).ToLowerInvariant()} for **{Markdown.Text(track.Name)}** (planned for {Markdown.Time(ran.At)}).\n"
            + await upcoming.RenderAsync(track, 3, ct).ConfigureAwait(false),
        ct);
}
