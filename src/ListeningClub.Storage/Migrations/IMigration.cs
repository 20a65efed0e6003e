using LiteDB;

namespace ListeningClub.Storage.Migrations;

/// <summary>
/// One numbered schema step. <see cref="Apply"/> runs inside a transaction and must be safe to run again
/// (the version number is written just after the transaction commits; a crash in between repeats the step).
/// </summary>
internal interface IMigration
{
    /// <summary>The <c>UserVersion</c> the file has once this step has run (1, 2, 3...).</summary>
    int Version { get; }

    string Description { get; }

    void Apply(LiteDatabase db, DateTimeOffset now);
}
