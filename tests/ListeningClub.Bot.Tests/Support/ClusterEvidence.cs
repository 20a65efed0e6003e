using System.Globalization;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Domain.Cycles;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Repositories;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>What the cluster fault tests read as evidence: the emulator's answers and posts, and the shared store.</summary>
public static class ClusterEvidence
{
    public const int Instances = 3;
    public const string Announcement = "The votes are in!";

    public static string Weekly(DateTimeOffset at) => $"{at.DayOfWeek} {at:HH:mm}";

    public static ulong UserId(CreatedGuild guild, string member) => ulong.Parse(guild.Users[member], CultureInfo.InvariantCulture);

    /// <summary>
    /// True when the member was told their ballot is in; false when they were not: the bot answered otherwise, or its
    /// instance died before answering (Discord then shows the member that the interaction failed, or it never finishes
    /// "thinking" after a deferral), so they know to vote again.
    /// </summary>
    public static async Task<bool> AcknowledgedAsync(EmulatorControl control, string interactionId)
    {
        try
        {
            var record = await control.WaitUntilAnsweredAsync(interactionId, RunningBot.Patience);
            return Content(record).Contains("Your ballot", StringComparison.Ordinal);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The current cycle of the guild's (first) track, as the shared store holds it.</summary>
    public static async Task<Cycle> CurrentCycleAsync(PostgresStore store, CreatedGuild guild)
    {
        var track = (await new PostgresClubRepository(store).GetAsync(ulong.Parse(guild.GuildId, CultureInfo.InvariantCulture), default))!.Tracks[0];
        return (await new PostgresCycleRepository(store).GetCurrentAsync(track.Id, default))!;
    }

    public static async Task<List<MessageEntry>> AnnouncementsAsync(EmulatorControl control, CreatedGuild guild) =>
        [.. (await control.MessagesAsync(guild.Channels["film-night"])).Where(m => m.Content.StartsWith(Announcement, StringComparison.Ordinal))];
}
