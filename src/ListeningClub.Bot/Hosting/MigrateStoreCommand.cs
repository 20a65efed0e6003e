using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using ListeningClub.Storage.Configuration;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Postgres.Engine;
using Microsoft.Extensions.Configuration;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// <c>ListeningClub.Bot --migrate-store</c>: copies the LiteDB club file (<c>Storage:DataFolder</c>, <c>Storage:FileName</c>)
/// into the PostgreSQL store of <c>ConnectionStrings:Postgres</c> (its schema created or migrated first, as the bot
/// does), with <see cref="StoreCopy"/>. The file is opened read-only under the data-folder lock, so it refuses to run
/// while a bot owns the folder. Prints one line per aggregate (rows in each store, rows copied by this run) and a
/// summary line, exit code 0; a count or value that differs after copying is one line and exit code 1; an expected
/// failure (bad setting, no file, folder in use, PostgreSQL unusable, a target that already holds another history) is
/// one line and exit code 2. Safe to run again: rows already copied are left as they are.
/// </summary>
public static class MigrateStoreCommand
{
    public const string Switch = "--migrate-store";

    public const int MismatchExitCode = 1;

    public static Task<int> RunAsync(IConfiguration configuration) =>
        RunAsync(configuration, Console.Out, Console.Error, TimeProvider.System, CancellationToken.None);

    internal static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(storage, new ValidationContext(storage), problems, validateAllProperties: true))
        {
            return await FailAsync(error, problems[0].ErrorMessage ?? $"{StorageOptions.SectionName} settings are invalid.").ConfigureAwait(false);
        }

        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return await FailAsync(error, "ConnectionStrings:Postgres is missing: set it to the PostgreSQL store to copy into (environment variable ListeningClub__ConnectionStrings__Postgres).").ConfigureAwait(false);
        }

        try
        {
            await using var file = ReadOnlyClubFile.Open(storage, time);
            var settings = new PostgresStoreSettings { ConnectionString = connectionString, MaxBatchSize = storage.MaxBatchSize, ExtraSchema = [QuartzClustering.Schema] };
            await using var store = await PostgresStore.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
            var outcome = await StoreCopy.RunAsync(ClubStoreRepositories.Of(file), ClubStoreRepositories.Of(store), cancellationToken).ConfigureAwait(false);
            if (outcome.Refusal is not null)
            {
                return await FailAsync(
                    error,
                    $"refused: PostgreSQL {store.Description} already holds rows that the LiteDB file does not, or holds otherwise ({outcome.Refusal}). Copying would merge two histories; nothing was written. Point ConnectionStrings:Postgres at an empty database or schema.").ConfigureAwait(false);
            }

            foreach (var count in outcome.Counts)
            {
                await output.WriteLineAsync($"{count.Name}: {count.Source} in LiteDB, {count.Target} in PostgreSQL ({count.Copied} copied by this run)").ConfigureAwait(false);
            }

            if (outcome.Mismatch is not null)
            {
                await error.WriteLineAsync($"migrate-store: mismatch after copying, {outcome.Mismatch}. Stop every bot using PostgreSQL {store.Description} and run it again.").ConfigureAwait(false);
                return MismatchExitCode;
            }

            var rows = outcome.Counts.Sum(c => c.Source);
            var copied = outcome.Counts.Sum(c => c.Copied);
            await output.WriteLineAsync(
                $"migrate-store: OK, {file.DatabasePath} is in PostgreSQL {store.Description}: {rows} rows in {outcome.Counts.Count} aggregates, equal in both ({copied} copied by this run, {rows - copied} were there already).").ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is DataFolderInUseException or StorageFileException or PostgresStoreException)
        {
            return await FailAsync(error, ex.Message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or PostgresConflictException)
        {
            return await FailAsync(error, $"PostgreSQL failed during the copy ({ex.Message.ReplaceLineEndings(" ")}). What was copied is kept; stop any bot using it and run the command again.").ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            return await FailAsync(error, $"a stored row cannot be read ({ex.Message.ReplaceLineEndings(" ")}). Nothing was copied.").ConfigureAwait(false);
        }
    }

    private static async Task<int> FailAsync(TextWriter error, string reason)
    {
        await error.WriteLineAsync($"migrate-store: {reason}").ConfigureAwait(false);
        return BotHost.ConfigurationErrorExitCode;
    }
}
