using System.ComponentModel.DataAnnotations;

namespace ListeningClub.Bot.Features.Backup;

/// <summary>The daily online backup. Bound from the <c>Backup</c> section; how many are kept is <c>Storage:BackupsKept</c>.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    public bool Daily { get; set; } = true;

    /// <summary>Time of day (UTC) of the daily backup.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59", ErrorMessage = "Backup:DailyAtUtc must be a time of day such as 03:30 (environment variable ListeningClub__Backup__DailyAtUtc).")]
    public TimeSpan DailyAtUtc { get; set; } = new(3, 30, 0);

    /// <summary>A manager's /club backup within this long of the last backup answers with that one instead of making another (so repeated calls cannot push the daily ones out).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ManualCooldown { get; set; } = TimeSpan.FromMinutes(10);
}
