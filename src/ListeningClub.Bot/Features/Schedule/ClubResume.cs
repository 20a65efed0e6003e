using ListeningClub.Application.Tracks;
using ListeningClub.Application.Steps;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>/club resume: the track runs by itself again; steps that passed while paused are planned again from now.</summary>
public sealed class ClubResume(TrackService tracks, TrackChange change, StepRunner steps) : IManagerSubcommand
{
    public static string Help => "resume a paused track; steps that passed meanwhile are planned again from now";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand("resume", "Restart a paused track's schedule", CommandOptions.Track());

    public Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => tracks.ResumeAsync(track, ct),
        async (_, resumed) => $"**{Markdown.Text(resumed.Name)}** is running again.\n{StepNames.Upcoming(resumed, await steps.PreviewAsync(resumed, 3, ct).ConfigureAwait(false))}",
        ct);
}
