using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Club;

/// <summary>
/// One /club subcommand: its definition and what it does. <see cref="ClubCommand"/> has already checked that the
/// caller is in a server, not flooding the bot, and a club manager; it answers the result privately
/// (a problem with "⚠️" and nothing changed). Add a new one with one line in <see cref="ClubCommand"/>.
/// </summary>
public interface IClubSubcommand
{
    static abstract ApplicationCommandOption Definition { get; }

    Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct);

    /// <summary>Choices for a focused option other than "track"; null means "use the track autocomplete".</summary>
    Task<IReadOnlyList<ApplicationCommandOptionChoice>?> AutocompleteAsync(ClubCall request, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ApplicationCommandOptionChoice>?>(null);
}
