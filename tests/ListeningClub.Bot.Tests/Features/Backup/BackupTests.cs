using System.Globalization;
using System.Text.RegularExpressions;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Nominations;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Features.Backup;

public sealed partial class BackupTests
{
    /// <summary>
    /// /club backup names its file; a second call right after names the same one; then the README's restore procedure
    /// (stop, copy the backup over the database, delete the log, start) brings the club back exactly as it was at the backup.
    /// </summary>
    [Fact]
    public async Task ClubBackup_ThenTheReadmeRestore_BringsBackTheClubAsItWasAtTheBackup()
    {
        await using var bot = await RunningBot.StartAsync();
        var members = bot.Members;
        Assert.Contains("Created", Content(await members.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"])))), StringComparison.Ordinal);
        Assert.StartsWith("New nomination!", Content(await members.CommandAsync("ana", "nominate", Sub("film", ("title", "Alien")))), StringComparison.Ordinal);

        Assert.Contains("Only club managers", Content(await members.CommandAsync("ana", "club", Sub("backup"))), StringComparison.Ordinal);
        var reply = Content(await members.CommandAsync("boss", "club", Sub("backup")));
        var name = BackupName().Match(reply).Groups["name"].Value;
        Assert.StartsWith("Backup saved", reply, StringComparison.Ordinal);
        var backup = Path.Combine(bot.DataFolder, "backups", name);
        Assert.True(File.Exists(backup), reply);

        // Asked again at once: the same backup, no new file (repeated calls cannot push the daily ones out).
        var again = Content(await members.CommandAsync("boss", "club", Sub("backup")));
        Assert.Contains($"`{name}`", again, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(bot.DataFolder, "backups"), "*.db"));

        // A nomination after the backup, which the restore will take away.
        Assert.StartsWith("New nomination!", Content(await members.CommandAsync("ben", "nominate", Sub("film", ("title", "Heat")))), StringComparison.Ordinal);

        await bot.RestartAsync(folder =>
        {
            File.Copy(Path.Combine(folder, "backups", name), Path.Combine(folder, "listeningclub.db"), overwrite: true);
            File.Delete(Path.Combine(folder, "listeningclub-log.db"));
        });

        var guildId = ulong.Parse(bot.Guild.GuildId, CultureInfo.InvariantCulture);
        var track = Assert.Single((await bot.Get<IClubRepository>().GetAsync(guildId, default))!.Tracks);
        var (_, nominations) = await bot.Get<NominationService>().ListCurrentAsync(track, default);
        Assert.Equal(["Alien"], nominations.Select(n => n.Media.Title));
        var listed = await members.CommandAsync("cho", "nominations");
        var shown = string.Concat(listed.Callbacks.Select(c => c.ToJsonString())) + listed.Original?.ToJsonString();
        Assert.Contains("Alien", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Heat", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyBackup_AtItsTimeOfDay_WritesAVerifiedBackup()
    {
        var at = TimeProvider.System.GetUtcNow().AddSeconds(3).TimeOfDay;
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings { Args = [$"--Backup:DailyAtUtc={at:hh\\:mm\\:ss}"] });

        var backups = Path.Combine(bot.DataFolder, "backups");
        await RunningBot.WaitUntilAsync(() => Task.FromResult(Directory.Exists(backups) && Directory.GetFiles(backups, "listeningclub-*.db").Length == 1), "the daily backup");
    }

    [GeneratedRegex("`(?<name>listeningclub-[0-9TZ]+\\.db)`")]
    private static partial Regex BackupName();
}
