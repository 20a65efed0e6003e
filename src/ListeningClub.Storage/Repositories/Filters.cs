using LiteDB;

namespace ListeningClub.Storage.Repositories;

/// <summary>
/// Query filters that pass their values as parameters. LiteDB 5.0.20's <c>Query.EQ</c> and <c>Query.Between</c> write
/// the value into the expression text, and LiteDB compiles every distinct text (and its literal) into a dynamic method
/// that it caches for the life of the process: every track, cycle, guild and announcement the bot ever looked up
/// stayed in memory as compiled code (2,000 methods after one start with 1,000 clubs, and more every week). With the
/// value as a parameter, the text is the same for every lookup and each filter is compiled once; the index is used as
/// before (a parameter counts as a value for LiteDB's index choice).
/// </summary>
internal static class Filters
{
    /// <summary><paramref name="field"/> = <paramref name="value"/>.</summary>
    public static BsonExpression Equal(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    /// <summary><paramref name="field"/> between <paramref name="from"/> and <paramref name="to"/>, both included.</summary>
    public static BsonExpression Between(string field, BsonValue from, BsonValue to) => BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", from, to);
}
