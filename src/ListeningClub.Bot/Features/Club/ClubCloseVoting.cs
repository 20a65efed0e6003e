using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Club;

/// <summary>/club close-voting: closes voting and announces the pick now.</summary>
public sealed class ClubCloseVoting(TrackRhythm rhythm, TrackChange change, QueuedPosts queued) : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("close-voting", "Close voting and announce the pick now", Options.Track());

    public Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => rhythm.CloseVotingNowAsync(track, ct),
        async (_, outcome) =>
        {
            var pick = Markdown.MediaName(outcome.Pick.Media);
            return await queued.FindAsync(RhythmPostKinds.PickAnnounced, outcome.Cycle.Id, ct).ConfigureAwait(false) switch
            {
                { IsSent: true } => $"Announced: **{pick}**.",
                { AbandonReason: { } reason } => $"The pick is **{pick}**, but Discord refused the announcement for good ({Markdown.Text(reason)}); it will not be posted.",
                _ => $"The pick is **{pick}**.", // TrackChange adds that the announcement is queued
            };
        },
        ct);
}
