using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest.Resources;

namespace ListeningClub.Discord.Permissions;

/// <summary>
/// The bot's own permissions in a guild channel. For the channel an interaction came from, Discord sends them
/// (<c>app_permissions</c>); for any other channel they are computed from the guild's roles, the bot member's roles and
/// the channel's overwrites (a thread's come from its parent), read with GET /guilds/{id}, GET
/// /guilds/{id}/members/{bot} and GET /channels/{id}. A channel the bot cannot see answers 403 (50001) there, which
/// surfaces as a <see cref="Rest.DiscordRestException"/> for the caller to turn into an answer.
/// </summary>
public sealed class BotChannelPermissions(IChannelsApi channels, IGuildsApi guilds, IGuildMembersApi members, IUsersApi users)
{
    private ulong _botUserId;

    /// <summary>The bot's permissions in <paramref name="channelId"/> of the interaction's guild.</summary>
    public async Task<DiscordPermissions> InChannelAsync(InteractionContext context, ulong channelId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interaction = context.Interaction;
        if (interaction.GuildId is not { } guildId)
        {
            throw new InvalidOperationException("Channel permissions are a guild's; this interaction is not in one.");
        }

        if (channelId == interaction.ChannelId && interaction.AppPermissions is { } sent)
        {
            return (DiscordPermissions)sent;
        }

        var channel = context.LookedUpChannel(channelId) ?? await channels.GetChannelAsync(channelId, ct).ConfigureAwait(false);
        return await InChannelAsync(guildId, channel, ct).ConfigureAwait(false);
    }

    /// <summary>The bot's permissions in <paramref name="channel"/> (a full channel object, as GET /channels/{id} returns it).</summary>
    public async Task<DiscordPermissions> InChannelAsync(ulong guildId, Channel channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.Type is ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread && channel.ParentId is { } parent)
        {
            channel = await channels.GetChannelAsync(parent, ct).ConfigureAwait(false);
        }

        if (_botUserId == 0)
        {
            _botUserId = (await users.GetCurrentUserAsync(ct).ConfigureAwait(false)).Id;
        }

        var guild = await guilds.GetGuildAsync(guildId, ct).ConfigureAwait(false);
        var bot = await members.GetMemberAsync(guildId, _botUserId, ct).ConfigureAwait(false);
        return ChannelPermissions.Compute(guildId, guild.OwnerId, guild.Roles ?? [], _botUserId, bot.Roles ?? [], channel.PermissionOverwrites);
    }
}
