using ListeningClub.Application.Scheduling;
using ListeningClub.Bot.Features.Club;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Scheduling;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>/club skip: skips a week — the vote (before it opens) or the next cycle (after the announcement) moves one cycle later.</summary>
public sealed class ClubSkip(RhythmService rhythm, TrackChange change, UpcomingSteps upcoming) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("skip", "Skip a week: the next vote or cycle moves one cycle later", Options.Track());

    public Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => rhythm.SkipAsync(track, ct),
        async (track, _) => $"Skipped a week of **{Markdown.Text(track.Name)}**.\n{await upcoming.RenderAsync(track, 3, ct).ConfigureAwait(false)}",
        ct);
}
