namespace ListeningClub.Discord.Models;

/// <summary>Message flag bits the bot may set.</summary>
[Flags]
#pragma warning disable CA1711 // Discord's own name for this bit set.
public enum MessageFlags
#pragma warning restore CA1711
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    Ephemeral = 1 << 6,
    SuppressNotifications = 1 << 12,
    IsComponentsV2 = 1 << 15,
}
