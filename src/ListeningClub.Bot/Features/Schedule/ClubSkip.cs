using ListeningClub.Bot.Features.Club;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Scheduling;

namespace ListeningClub.Bot.Features.Schedule;

/// <summary>/club skip: skips a week — the vote (before it opens) or the next cycle (after the announcement) moves one cycle later.</summary>
public sealed class ClubSkip(RhythmService rhythm, RhythmScheduler scheduler, UpcomingSteps upcoming) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("skip", "Skip a week: the next vote or cycle moves one cycle later", Options.Track());

    public async Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = await request.TrackAsync(ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        var skipped = await rhythm.SkipAsync(track.Value, ct).ConfigureAwait(false);
        if (!skipped.IsSuccess)
        {
            return skipped.Problem!;
        }

        await scheduler.RunNowAsync(request.GuildId, track.Value.Id, ct).ConfigureAwait(false);
        return $"Skipped a week of **{Markdown.Text(track.Value.Name)}**.\n{await upcoming.RenderAsync(track.Value, 3, ct).ConfigureAwait(false)}";
    }
}
