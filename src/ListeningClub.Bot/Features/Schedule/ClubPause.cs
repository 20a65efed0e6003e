using ListeningClub.Bot.Features.Club;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Scheduling;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>/club pause: the track's steps stop until /club resume (members can still nominate, vote and rate).</summary>
public sealed class ClubPause(RhythmService rhythm, RhythmScheduler scheduler) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("pause", "Stop a track's schedule until it is resumed", Options.Track());

    public async Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = await request.TrackAsync(ct).ConfigureAwait(false);
        var paused = track.IsSuccess ? await rhythm.PauseAsync(track.Value, ct).ConfigureAwait(false) : track;
        if (!paused.IsSuccess)
        {
            return paused.Problem!;
        }

        await scheduler.RunNowAsync(request.GuildId, paused.Value.Id, ct).ConfigureAwait(false);
        return $"**{Markdown.Text(paused.Value.Name)}** is paused: nothing happens by itself until /club resume. Members can still nominate, vote and rate.";
    }
}
