using ListeningClub.Application.Nominations;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Nominations;

namespace ListeningClub.Bot.Features.Nominations;

/// <summary>Autocomplete choices for "which nomination": the current lists of every track, named with their track.</summary>
public static class NominationChoices
{
    public static async Task<IReadOnlyList<ApplicationCommandOptionChoice>> CurrentAsync(Domain.Clubs.Club? club, NominationService nominations, Func<Nomination, bool> include, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(nominations);
        ArgumentNullException.ThrowIfNull(include);
        var choices = new List<ApplicationCommandOptionChoice>();
        foreach (var track in club?.Tracks ?? [])
        {
            var (_, list) = await nominations.ListCurrentAsync(track, ct).ConfigureAwait(false);
            choices.AddRange(list.Where(include).Select(n =>
                ApplicationCommandOptionChoice.ForString(DiscordText.Truncate($"{n.Media.DisplayName} ({track.Name})", 100), n.Id.ToString())));
        }

        return choices.Take(25).ToList();
    }
}
