using ListeningClub.Application.Scheduling;
using ListeningClub.Bot.Features.Club;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Scheduling;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>/club pause: the track's steps stop until /club resume (members can still nominate, vote and rate).</summary>
public sealed class ClubPause(RhythmService rhythm, TrackChange change) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("pause", "Stop a track's schedule until it is resumed", Options.Track());

    public Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => rhythm.PauseAsync(track, ct),
        (_, paused) => Task.FromResult($"**{Markdown.Text(paused.Name)}** is paused: nothing happens by itself until /club resume. Members can still nominate, vote and rate."),
        ct);
}
