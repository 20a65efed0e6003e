using ListeningClub.Bot.Features.Club;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Scheduling;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>/club resume: the track runs by itself again; steps that passed while paused are planned again from now.</summary>
public sealed class ClubResume(RhythmService rhythm, RhythmScheduler scheduler, UpcomingSteps upcoming) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("resume", "Restart a paused track's schedule", Options.Track());

    public async Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = await request.TrackAsync(ct).ConfigureAwait(false);
        var resumed = track.IsSuccess ? await rhythm.ResumeAsync(track.Value, ct).ConfigureAwait(false) : track;
        if (!resumed.IsSuccess)
        {
            return resumed.Problem!;
        }

        await scheduler.RunNowAsync(request.GuildId, resumed.Value.Id, ct).ConfigureAwait(false);
        return $"**{Markdown.Text(resumed.Value.Name)}** is running again.\n{await upcoming.RenderAsync(resumed.Value, 3, ct).ConfigureAwait(false)}";
    }
}
