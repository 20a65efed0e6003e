using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Rest.Resources;

/// <summary>Guild scheduled events (watch parties).</summary>
public interface IGuildScheduledEventsApi
{
    Task<IReadOnlyList<GuildScheduledEvent>> ListAsync(ulong guildId, bool withUserCount, CancellationToken ct);

    Task<GuildScheduledEvent> GetAsync(ulong guildId, ulong eventId, bool withUserCount, CancellationToken ct);

    Task<GuildScheduledEvent> CreateAsync(ulong guildId, GuildScheduledEventCreateRequest request, CancellationToken ct);

    /// <summary>Edits an event; also starts/ends/cancels it through <see cref="GuildScheduledEventModifyRequest.Status"/>.</summary>
    Task<GuildScheduledEvent> ModifyAsync(ulong guildId, ulong eventId, GuildScheduledEventModifyRequest request, CancellationToken ct);

    Task DeleteAsync(ulong guildId, ulong eventId, CancellationToken ct);
}
