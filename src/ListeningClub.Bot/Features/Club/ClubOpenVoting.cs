using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Club;

/// <summary>/club open-voting: closes nominations and opens voting now, posting the voting announcement.</summary>
public sealed class ClubOpenVoting(TrackRhythm rhythm, RhythmScheduler scheduler) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("open-voting", "Close nominations and open voting now", Options.Track());

    public async Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = await request.TrackAsync(ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        var opened = await rhythm.OpenVotingNowAsync(track.Value, ct).ConfigureAwait(false);
        if (!opened.IsSuccess)
        {
            return opened.Problem!;
        }

        await scheduler.RunNowAsync(request.GuildId, track.Value.Id, ct).ConfigureAwait(false);
        return $"Voting is open for **{Markdown.Text(track.Value.Name)}**.";
    }
}
