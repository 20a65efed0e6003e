using ListeningClub.Application.Scheduling;
using ListeningClub.Bot.Features.Club;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Scheduling;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>/club resume: the track runs by itself again; steps that passed while paused are planned again from now.</summary>
public sealed class ClubResume(RhythmService rhythm, TrackChange change, UpcomingSteps upcoming) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("resume", "Restart a paused track's schedule", Options.Track());

    public Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => rhythm.ResumeAsync(track, ct),
        async (_, resumed) => $"**{Markdown.Text(resumed.Name)}** is running again.\n{await upcoming.RenderAsync(resumed, 3, ct).ConfigureAwait(false)}",
        ct);
}
