using System.Globalization;
using System.Text.RegularExpressions;
using ListeningClub.Application.Nominations;
using ListeningClub.Bot.Features.Backup;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Domain.Clubs;
using Quartz;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Features.Backup;

public sealed partial class BackupTests
{
    [Fact]
    public async Task ClubBackup_OnPostgreSQL_SaysBackupsArePgDumpsJob_AndFailsNothing()
    {
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings { Store = TestClubStore.Postgres });
        var members = bot.Members;
        Assert.Contains("Created", Content(await members.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"])))), StringComparison.Ordinal);

        var reply = Content(await members.CommandAsync("boss", "club", Sub("backup")));

        Assert.Contains("pg_dump", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("went wrong", reply, StringComparison.Ordinal);
    }

    /// <summary>
    /// /club backup names its file; a second call right after names the same one; then the README's restore procedure
    /// (stop, copy the backup over the database, delete the log, start) brings the club back exactly as it was at the backup.
    /// </summary>
    [Fact]
    public async Task ClubBackup_ThenTheReadmeRestore_BringsBackTheClubAsItWasAtTheBackup()
    {
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings { Store = TestClubStore.LiteDb }); // backups are LiteDB's (on PostgreSQL: pg_dump)
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

    /// <summary>
    /// The daily trigger is armed for the configured UTC time of day, within the next 24 hours, and firing it writes a
    /// backup. The test fires it rather than waiting for the clock: a start slower than any margin (a loaded machine)
    /// would otherwise miss today's time and wait a day.
    /// </summary>
    [Fact]
    public async Task DailyBackup_IsArmedForItsTimeOfDay_AndWritesABackupWhenItFires()
    {
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings { Args = ["--Backup:DailyAtUtc=04:05:06"], Store = TestClubStore.LiteDb });

        var scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.Single(await scheduler.GetTriggersOfJob(BackupJob.Key));
        var next = trigger.NextFireTimeUtc!.Value;
        Assert.Equal(new TimeSpan(4, 5, 6), next.TimeOfDay);
        Assert.InRange(next - scheduler.TimeProvider.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromDays(1));

        var backups = Path.Combine(bot.DataFolder, "backups");
        Assert.False(Directory.Exists(backups) && Directory.GetFiles(backups, "listeningclub-*.db").Length > 0);
        await scheduler.TriggerJob(BackupJob.Key);
        await RunningBot.WaitUntilAsync(() => Task.FromResult(Directory.Exists(backups) && Directory.GetFiles(backups, "listeningclub-*.db").Length == 1), "the daily backup");
    }

    [GeneratedRegex("`(?<name>listeningclub-[0-9TZ]+\\.db)`")]
    private static partial Regex BackupName();
}
