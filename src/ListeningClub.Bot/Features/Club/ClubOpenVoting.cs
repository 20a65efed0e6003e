using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Club;

/// <summary>/club open-voting: closes nominations and opens voting now, posting the voting announcement.</summary>
public sealed class ClubOpenVoting(TrackRhythm rhythm, TrackChange change) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("open-voting", "Close nominations and open voting now", Options.Track());

    public Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => rhythm.OpenVotingNowAsync(track, ct),
        (track, _) => Task.FromResult($"Voting is open for **{Markdown.Text(track.Name)}**."),
        ct);
}
