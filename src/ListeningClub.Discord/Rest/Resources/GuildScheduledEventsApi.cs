using ListeningClub.Discord.Models;
using ListeningClub.Discord.Serialization;

namespace ListeningClub.Discord.Rest.Resources;

internal sealed class GuildScheduledEventsApi(DiscordRestClient rest) : IGuildScheduledEventsApi
{
    private const string Events = "/guilds/{guild_id}/scheduled-events";
    private const string OneEvent = "/guilds/{guild_id}/scheduled-events/{event_id}";

    public async Task<IReadOnlyList<GuildScheduledEvent>> ListAsync(ulong guildId, bool withUserCount, CancellationToken ct) =>
        await rest.SendAsync(
            DiscordRoutes.Guild(HttpMethod.Get, Events, guildId, DiscordRoutes.Path($"/guilds/{guildId}/scheduled-events?with_user_count={(withUserCount ? "true" : "false")}")),
            DiscordJsonContext.Default.ListGuildScheduledEvent,
            ct).ConfigureAwait(false);

    public Task<GuildScheduledEvent> GetAsync(ulong guildId, ulong eventId, bool withUserCount, CancellationToken ct) =>
        rest.SendAsync(
            DiscordRoutes.Guild(HttpMethod.Get, OneEvent, guildId, DiscordRoutes.Path($"/guilds/{guildId}/scheduled-events/{eventId}?with_user_count={(withUserCount ? "true" : "false")}")),
            DiscordJsonContext.Default.GuildScheduledEvent,
            ct);

    public Task<GuildScheduledEvent> CreateAsync(ulong guildId, GuildScheduledEventCreateRequest request, CancellationToken ct) =>
        rest.SendAsync(
            DiscordRoutes.Guild(HttpMethod.Post, Events, guildId, DiscordRoutes.Path($"/guilds/{guildId}/scheduled-events")),
            request,
            DiscordJsonContext.Default.GuildScheduledEventCreateRequest,
            DiscordJsonContext.Default.GuildScheduledEvent,
            ct);

    public Task<GuildScheduledEvent> ModifyAsync(ulong guildId, ulong eventId, GuildScheduledEventModifyRequest request, CancellationToken ct) =>
        rest.SendAsync(
            DiscordRoutes.Guild(HttpMethod.Patch, OneEvent, guildId, DiscordRoutes.Path($"/guilds/{guildId}/scheduled-events/{eventId}")),
            request,
            DiscordJsonContext.Default.GuildScheduledEventModifyRequest,
            DiscordJsonContext.Default.GuildScheduledEvent,
            ct);

    public Task DeleteAsync(ulong guildId, ulong eventId, CancellationToken ct) =>
        rest.SendAsync(DiscordRoutes.Guild(HttpMethod.Delete, OneEvent, guildId, DiscordRoutes.Path($"/guilds/{guildId}/scheduled-events/{eventId}")), null, ct);
}
