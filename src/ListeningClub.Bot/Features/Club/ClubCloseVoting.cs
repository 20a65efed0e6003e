using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Club;

/// <summary>/club close-voting: closes voting and announces the pick now.</summary>
public sealed class ClubCloseVoting(TrackRhythm rhythm, RhythmScheduler scheduler) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("close-voting", "Close voting and announce the pick now", Options.Track());

    public async Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = await request.TrackAsync(ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        var closed = await rhythm.CloseVotingNowAsync(track.Value, ct).ConfigureAwait(false);
        if (!closed.IsSuccess)
        {
            return closed.Problem!;
        }

        await scheduler.RunNowAsync(request.GuildId, track.Value.Id, ct).ConfigureAwait(false);
        return $"Announced: **{Markdown.MediaName(closed.Value.Pick.Media)}**.";
    }
}
