using ListeningClub.Storage.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// Which store keeps the clubs: <c>Storage:Provider</c> = <c>LiteDb</c> (the default: one embedded file in
/// <c>Storage:DataFolder</c>) or <c>Postgres</c> (the database named by <c>ConnectionStrings:Postgres</c>).
/// </summary>
public sealed class ClubStoreOptions
{
    public const string SectionName = StorageOptions.SectionName;

    public const string LiteDb = "LiteDb";

    public const string Postgres = "Postgres";

    /// <summary><c>LiteDb</c> or <c>Postgres</c> (case-insensitive). Text rather than an enum, so a typo is a clear start-up error instead of a binder exception.</summary>
    public string Provider { get; set; } = LiteDb;

    /// <summary>From <c>ConnectionStrings:Postgres</c>: an Npgsql connection string.</summary>
    public string? PostgresConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="configuration"/> keeps the clubs in PostgreSQL, read straight from it, for choices made
    /// before options are bound (Quartz's job store, the backup job). A provider that is not valid is left to this
    /// options class's own validation, which says what to fix.
    /// </summary>
    public static bool ChoosesPostgres(IConfiguration configuration) =>
        string.Equals(configuration[$"{SectionName}:{nameof(Provider)}"], Postgres, StringComparison.OrdinalIgnoreCase);
}

internal sealed class ClubStoreOptionsValidation : IValidateOptions<ClubStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, ClubStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(options.Provider, ClubStoreOptions.LiteDb, StringComparison.OrdinalIgnoreCase) && !options.IsPostgres)
        {
            return ValidateOptionsResult.Fail(
                $"{ClubStoreOptions.SectionName}:Provider must be {ClubStoreOptions.LiteDb} or {ClubStoreOptions.Postgres} (got \"{options.Provider}\").");
        }

        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{ClubStoreOptions.SectionName}:Provider is {ClubStoreOptions.Postgres}, but ConnectionStrings:Postgres is missing. Set it to a PostgreSQL connection string such as \"Host=db;Database=listeningclub;Username=bot;Password=…\" (environment variable ListeningClub__ConnectionStrings__Postgres).");
        }

        return ValidateOptionsResult.Success;
    }
}
