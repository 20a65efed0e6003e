using ListeningClub.Bot.Features.Commands;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Features.Club;

/// <summary>/club manager-role: members with this role may run /club commands (as well as those with Manage Server).</summary>
public sealed class ClubManagerRole : IClubSubcommand
{
    public static ApplicationCommandOption Definition { get; } = Options.Subcommand("manager-role", "Members with this role may manage the club", Options.Role("role", "The manager role", required: true));

    public async Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var role = request.Context.GetId("role");
        await request.Clubs.SetManagerRoleAsync(request.GuildId, role, ct).ConfigureAwait(false);
        return $"Members with <@&{role}> can now manage the club.";
    }
}
