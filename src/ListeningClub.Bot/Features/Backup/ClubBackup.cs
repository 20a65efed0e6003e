using ListeningClub.Bot.Hosting;
using ListeningClub.Bot.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Storage.Configuration;
using ListeningClub.Storage.Engine;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Features.Backup;

/// <summary>
/// /club backup: an online backup now, verified, kept with the daily ones. The reply names the file on the bot's
/// host (never attaches it: the database holds every server's club). Within <see cref="BackupOptions.ManualCooldown"/>
/// of the last backup it names that one instead. On PostgreSQL the bot makes no backups (they are <c>pg_dump</c>'s job on
/// the database host), and the reply says so.
/// </summary>
public sealed class ClubBackup(
    IStorageMaintenance storage,
    IOptions<StorageOptions> storageOptions,
    IOptions<BackupOptions> backupOptions,
    IOptions<ClubStoreOptions> store,
    TimeProvider time) : IManagerSubcommand
{
    public static string Help => "a backup of the club's file now";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand("backup", "Save a copy of the club's database now (kept on the bot's host)");

    public async Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct)
    {
        if (store.Value.IsPostgres)
        {
            return "This bot keeps its clubs in PostgreSQL, where backups are made on the database host with `pg_dump` (whoever runs the bot schedules them); the bot makes none itself.";
        }

        var folder = new DirectoryInfo(storageOptions.Value.BackupsFolder);
        var latest = folder.Exists ? folder.EnumerateFiles("*.db").MaxBy(f => f.LastWriteTimeUtc) : null;
        var age = latest is null ? TimeSpan.MaxValue : time.GetUtcNow() - latest.LastWriteTimeUtc;
        if (latest is not null && age < backupOptions.Value.ManualCooldown)
        {
            return $"A backup was made {Math.Max(1, (int)age.TotalMinutes)} minute(s) ago: `{latest.Name}` in the bot's backups folder.";
        }

        var path = await storage.BackupAsync(ct).ConfigureAwait(false);
        return $"Backup saved: `{Path.GetFileName(path)}` in the bot's backups folder (the newest {storageOptions.Value.BackupsKept} are kept).";
    }
}
