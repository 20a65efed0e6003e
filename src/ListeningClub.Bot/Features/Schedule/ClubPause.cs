using ListeningClub.Application.Tracks;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>/club pause: the track's steps stop until /club resume (members can still nominate, vote and rate).</summary>
public sealed class ClubPause(TrackService tracks, TrackChange change) : IManagerSubcommand
{
    public static string Help => "stop the track's steps until it is resumed (members can still nominate, vote and rate)";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand("pause", "Stop a track's schedule until it is resumed", CommandOptions.Track());

    public Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => tracks.PauseAsync(track, ct),
        (_, paused) => Task.FromResult($"**{Markdown.Text(paused.Name)}** is paused: nothing happens by itself until /club resume. Members can still nominate, vote and rate."),
        ct);
}
