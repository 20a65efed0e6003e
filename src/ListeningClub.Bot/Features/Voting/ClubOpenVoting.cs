using ListeningClub.Application.Steps;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>/club open-voting: closes nominations and opens voting now, posting the voting announcement.</summary>
public sealed class ClubOpenVoting(StepRunner steps, OpenVotingStep openVoting, TrackChange change) : IManagerSubcommand
{
    public static string Help => "close nominations and open voting now";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand("open-voting", "Close nominations and open voting now", CommandOptions.Track());

    public Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct) => change.RunAsync(
        request,
        track => steps.InTurnAsync(track, _ => openVoting.OpenNowAsync(track, ct), ct),
        (track, _) => Task.FromResult($"Voting is open for **{Markdown.Text(track.Name)}**."),
        ct);
}
