using ListeningClub.Discord.Models;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Resources;

internal sealed class ApplicationCommandsApi(DiscordRestClient rest) : IApplicationCommandsApi
{
    private const string GlobalCommands = "/applications/{application_id}/commands";
    private const string GuildCommands = "/applications/{application_id}/guilds/{guild_id}/commands";

    public async Task<IReadOnlyList<ApplicationCommand>> GetGlobalCommandsAsync(ulong applicationId, CancellationToken ct) =>
        await rest.SendAsync(DiscordRoutes.Global(HttpMethod.Get, GlobalCommands, DiscordRoutes.Path($"/applications/{applicationId}/commands")), DiscordJsonContext.Default.ListApplicationCommand, ct).ConfigureAwait(false);

    public async Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(ulong applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) =>
        await rest.SendAsync(
            DiscordRoutes.Global(HttpMethod.Put, GlobalCommands, DiscordRoutes.Path($"/applications/{applicationId}/commands")),
            commands.ToList(),
            DiscordJsonContext.Default.ListApplicationCommand,
            DiscordJsonContext.Default.ListApplicationCommand,
            ct).ConfigureAwait(false);

    public async Task<IReadOnlyList<ApplicationCommand>> GetGuildCommandsAsync(ulong applicationId, ulong guildId, CancellationToken ct) =>
        await rest.SendAsync(DiscordRoutes.Guild(HttpMethod.Get, GuildCommands, guildId, DiscordRoutes.Path($"/applications/{applicationId}/guilds/{guildId}/commands")), DiscordJsonContext.Default.ListApplicationCommand, ct).ConfigureAwait(false);

    public async Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) =>
        await rest.SendAsync(
            DiscordRoutes.Guild(HttpMethod.Put, GuildCommands, guildId, DiscordRoutes.Path($"/applications/{applicationId}/guilds/{guildId}/commands")),
            commands.ToList(),
            DiscordJsonContext.Default.ListApplicationCommand,
            DiscordJsonContext.Default.ListApplicationCommand,
            ct).ConfigureAwait(false);
}
