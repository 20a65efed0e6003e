using ListeningClub.Application.Nominations;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Nominations;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>/club veto: removes a nomination this cycle, with a reason the nominator sees.</summary>
public sealed class ClubVeto(NominationService nominations) : IManagerSubcommand
{
    public static string Help => "remove a nomination, with a reason";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand(
        "veto",
        "Remove a nomination, with a reason the nominator sees",
        CommandOptions.Text("nomination", "Which nomination", required: true, autocomplete: true),
        CommandOptions.Text("reason", "Why", required: true, maxLength: NominationRules.MaxVetoReasonLength),
        CommandOptions.Track());

    public async Task<IReadOnlyList<ApplicationCommandOptionChoice>?> AutocompleteAsync(ManagerCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Context.FocusedOption?.Name == "nomination"
            ? await NominationChoices.CurrentAsync(request.Club, nominations, _ => true, ct).ConfigureAwait(false)
            : null;
    }

    public async Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!NominationId.TryParse(request.Context.GetString("nomination"), out var id))
        {
            return new Problem("veto.pick", "Choose the nomination from the list that appears as you type.");
        }

        var track = await request.TrackAsync(ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        var vetoed = await nominations.VetoAsync(track.Value, id, request.Context.GetString("reason"), ct).ConfigureAwait(false);
        return vetoed.IsSuccess
            ? $"Vetoed {Markdown.MediaName(vetoed.Value.Media)} (nominated by {Markdown.Member(vetoed.Value.MemberId)})."
            : vetoed.Problem!;
    }
}
