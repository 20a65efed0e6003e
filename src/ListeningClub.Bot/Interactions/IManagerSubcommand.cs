using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Interactions;

/// <summary>
/// One /club subcommand: its definition and what it does. <see cref="ManagerCommand"/> has already checked that the
/// caller is in a server, not flooding the bot, and a club manager; it answers the result privately
/// (a problem with "⚠️" and nothing changed). A feature adds one with <see cref="Commands.AddManagerSubcommand{T}"/>.
/// </summary>
public interface IManagerSubcommand
{
    static abstract ApplicationCommandOption Definition { get; }

    /// <summary>What the subcommand does, in one line of /help.</summary>
    static abstract string Help { get; }

    Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct);

    /// <summary>Choices for a focused option other than "track"; null means "use the track autocomplete".</summary>
    Task<IReadOnlyList<ApplicationCommandOptionChoice>?> AutocompleteAsync(ManagerCall request, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ApplicationCommandOptionChoice>?>(null);
}
