using System.ComponentModel.DataAnnotations;

namespace ListeningClub.Discord.Configuration;

/// <summary>How the bot reaches Discord (or the emulator). Bound from the <c>Discord</c> section.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token. Comes from the environment (ListeningClub__Discord__Token) or user-secrets, never a committed file.</summary>
    [Required(ErrorMessage = "not set. Set the environment variable ListeningClub__Discord__Token to your bot token (Discord Developer Portal → your application → Bot → Reset Token).")]
    public string Token { get; set; } = "";

    /// <summary>REST base URL, ending in /api/v10. Point it at the emulator for local runs.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Guild id for instant (guild-scoped) command registration while developing; empty for global commands.</summary>
    public ulong? DevelopmentGuildId { get; set; }

    public override string ToString() => $"DiscordOptions(ApiBaseUrl={ApiBaseUrl}, Token=<redacted>)";
}
