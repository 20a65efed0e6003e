using ListeningClub.Bot.Interactions;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Setup;

/// <summary>/club manager-role: members with this role may run /club commands (as well as those with Manage Server).</summary>
public sealed class ClubManagerRole : IManagerSubcommand
{
    public static string Help => "who else may manage the club";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand("manager-role", "Members with this role may manage the club", CommandOptions.Role("role", "The manager role", required: true));

    public async Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var role = request.Context.GetId("role");
        await request.Clubs.SetManagerRoleAsync(request.GuildId, role, ct).ConfigureAwait(false);
        return $"Members with <@&{role}> can now manage the club.";
    }
}
