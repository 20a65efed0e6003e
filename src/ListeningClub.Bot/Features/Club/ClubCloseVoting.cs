using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Club;

/// <summary>/club close-voting: closes voting and announces the pick now.</summary>
public sealed class ClubCloseVoting(TrackRhythm rhythm, TrackChange change) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("close-voting", "Close voting and announce the pick now", Options.Track());

    public Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => rhythm.CloseVotingNowAsync(track, ct),
        (_, outcome) => Task.FromResult($"Announced: **{Markdown.MediaName(outcome.Pick.Media)}**."),
        ct);
}
