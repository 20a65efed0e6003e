using ListeningClub.Bot.Features.Club;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>/club advance: runs the track's next planned step now, with the posts it would make on schedule.</summary>
public sealed class ClubAdvance(TrackRhythm rhythm, RhythmScheduler scheduler, UpcomingSteps upcoming) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("advance", "Run the track's next scheduled step now", Options.Track());

    public async Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = await request.TrackAsync(ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        var ran = await rhythm.RunNextStepNowAsync(track.Value, ct).ConfigureAwait(false);
        if (!ran.IsSuccess)
        {
            return ran.Problem!;
        }

        await scheduler.RunNowAsync(request.GuildId, track.Value.Id, ct).ConfigureAwait(false);
        return $"Done: {UpcomingSteps.Name(ran.Value.Step).ToLowerInvariant()} for **{Markdown.Text(track.Value.Name)}** (planned for {Markdown.Time(ran.Value.At)}).\n"
            + await upcoming.RenderAsync(track.Value, 3, ct).ConfigureAwait(false);
    }
}
