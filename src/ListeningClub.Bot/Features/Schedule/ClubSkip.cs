using ListeningClub.Application.Tracks;
using ListeningClub.Application.Steps;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>/club skip: skips a week — the vote (before it opens) or the next cycle (after the announcement) moves one cycle later.</summary>
public sealed class ClubSkip(TrackService tracks, TrackChange change, StepRunner steps) : IManagerSubcommand
{
    public static string Help => "skip a week: the vote (before it opens) or the next cycle moves one cycle later";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand("skip", "Skip a week: the next vote or cycle moves one cycle later", CommandOptions.Track());

    public Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => tracks.SkipAsync(track, ct),
        async (track, _) => $"Skipped a week of **{Markdown.Text(track.Name)}**.\n{StepNames.Upcoming(track, await steps.PreviewAsync(track, 3, ct).ConfigureAwait(false))}",
        ct);
}
