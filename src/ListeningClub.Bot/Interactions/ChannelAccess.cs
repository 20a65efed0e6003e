using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Permissions;
using ListeningClub.Discord.Rest;
using ListeningClub.Domain.Common;

namespace ListeningClub.Bot.Interactions;

/// <summary>
/// Whether the bot may do in a channel a command names what the feature will do there. The router has already made
/// sure the channel is one of this server's, of a type the option declares; this checks the bot's own permissions in
/// it (from the interaction for its own channel, else computed from the server's roles and the channel's overwrites)
/// and names what is missing, so a manager can fix it before anything is saved.
/// </summary>
public sealed class ChannelAccess(BotChannelPermissions permissions)
{
    /// <summary>What is missing for <paramref name="needed"/> in <paramref name="channelId"/>, as an answer; null when nothing is.</summary>
    public async Task<Problem?> MissingAsync(InteractionContext context, ulong channelId, DiscordPermissions needed, string forWhat, CancellationToken ct)
    {
        DiscordPermissions has;
        try
        {
            has = await permissions.InChannelAsync(context, channelId, ct).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.Code == DiscordJsonErrorCodes.MissingAccess)
        {
            has = DiscordPermissions.None; // Discord hides the channel from the bot
        }

        var missing = needed & ~has;
        if (missing == DiscordPermissions.None)
        {
            return null;
        }

        var names = string.Join(", ", DiscordPermissionNames.Of(missing).Select(n => $"**{n}**"));
        return missing.HasFlag(DiscordPermissions.ViewChannel)
            ? new Problem("channel.hidden", $"I can't see <#{channelId}>, so I can't {forWhat} there. Give my role {names} in that channel's permissions, or choose another channel.")
            : new Problem("channel.permissions", $"I can't {forWhat} in <#{channelId}>: I'm missing {names} there. Give my role those permissions in the channel's settings (Edit Channel → Permissions), or choose another channel.");
    }
}
