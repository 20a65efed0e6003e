namespace ListeningClub.Sandbox.Hosting;

/// <summary>
/// The one folder the sandbox writes to: the bot's LiteDB file, its lock and backups. The emulator keeps everything in
/// memory, so each start begins a fresh demo server: the folder is emptied first, but only when it is empty or carries
/// the sandbox's marker file, so a bot's real data folder (or any other folder) is never touched.
/// </summary>
public static class SandboxFolder
{
    public const string MarkerName = ".listeningclub-sandbox";

    /// <summary>Null when the folder is ready, or a one-line problem.</summary>
    public static string? Prepare(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var marker = Path.Combine(folder, MarkerName);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            if (!File.Exists(marker))
            {
                return $"{folder} is not empty and is not a sandbox folder (no {MarkerName} file in it). Choose another with --data <folder>.";
            }

            if (InUse(folder))
            {
                return $"{folder} is in use by another sandbox. Stop it, or choose another folder with --data <folder>.";
            }

            foreach (var file in Directory.EnumerateFiles(folder).Where(f => Path.GetFileName(f) != MarkerName))
            {
                File.Delete(file);
            }

            foreach (var directory in Directory.EnumerateDirectories(folder))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(marker, "A ListeningClub sandbox folder: emptied each time the sandbox starts.\n");
        return null;
    }

    /// <summary>The bot holds its lock file open with <see cref="FileShare.None"/> while it runs (Storage's DataFolderLock).</summary>
    private static bool InUse(string folder)
    {
        var path = Path.Combine(folder, "listeningclub.lock");
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
