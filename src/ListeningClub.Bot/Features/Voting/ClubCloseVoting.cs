using ListeningClub.Application.Steps;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>/club close-voting: closes voting and announces the pick now.</summary>
public sealed class ClubCloseVoting(StepRunner steps, CloseVotingStep closeVoting, TrackChange change, QueuedPosts queued) : IManagerSubcommand
{
    public static string Help => "close voting and announce the pick now";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand("close-voting", "Close voting and announce the pick now", CommandOptions.Track());

    public Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => steps.InTurnAsync(track, recent => closeVoting.CloseAsync(track, recent, TimeSpan.Zero, ct), ct),
        async (_, outcome) =>
        {
            var pick = Markdown.MediaName(outcome.Pick.Media);
            return await queued.FindAsync(PostKinds.PickAnnounced, outcome.Cycle.Id, ct).ConfigureAwait(false) switch
            {
                { IsSent: true } => $"Announced: **{pick}**.",
                { AbandonReason: { } reason } => $"The pick is **{pick}**, but Discord refused the announcement for good ({Markdown.Text(reason)}); it will not be posted.",
                _ => $"The pick is **{pick}**.", // TrackChange adds that the announcement is queued
            };
        },
        ct);
}
