using ListeningClub.Storage.Configuration;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Hosting;

/// <summary>Before anything opens the store: the data folder exists (or can be made) and the bot may write a file in it.</summary>
internal sealed class DataFolderCheck : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            return ValidateOptionsResult.Skip; // the [Required] rule reports it
        }

        var folder = Path.GetFullPath(options.DataFolder);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, ".write-probe");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.SectionName}:DataFolder: cannot write to \"{folder}\" ({ex.Message}). Point it at a folder the bot's user may write to (environment variable ListeningClub__Storage__DataFolder), or fix the folder's owner.");
        }
    }
}
