using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Repositories;

namespace ListeningClub.Bot.Hosting;

/// <summary>One club store's repositories, as <see cref="StoreCopy"/> reads and writes them.</summary>
internal sealed record ClubStoreRepositories(
    IClubRepository Clubs,
    ICycleRepository Cycles,
    INominationRepository Nominations,
    IBallotRepository Ballots,
    IPickRepository Picks,
    IRatingRepository Ratings,
    IPromptRepository Prompts,
    IOutboxRepository Outbox,
    ICatalogueEntryRepository CatalogueEntries)
{
    public static ClubStoreRepositories Of(ReadOnlyClubFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.Clubs, file.Cycles, file.Nominations, file.Ballots, file.Picks, file.Ratings, file.Prompts, file.Outbox, file.CatalogueEntries);
    }

    public static ClubStoreRepositories Of(PostgresStore store) => new(
        new PostgresClubRepository(store),
        new PostgresCycleRepository(store),
        new PostgresNominationRepository(store),
        new PostgresBallotRepository(store),
        new PostgresPickRepository(store),
        new PostgresRatingRepository(store),
        new PostgresPromptRepository(store),
        new PostgresOutboxRepository(store),
        new PostgresCatalogueEntryRepository(store));
}

/// <summary>How many rows of one aggregate the source and the target hold after the copy, and how many this run wrote.</summary>
internal sealed record AggregateCount(string Name, int Source, int Target, int Copied);

/// <summary>
/// The copy's outcome: the counts; or, when it refused to copy (nothing was written), the rows the target holds that the
/// source does not or holds otherwise; or how the target differs after copying.
/// </summary>
internal sealed record StoreCopyOutcome(IReadOnlyList<AggregateCount> Counts, string? Refusal = null, string? Mismatch = null);

/// <summary>
/// Copies a whole club store into another through the domain's repositories: every aggregate, with its ids and values.
/// A row is the same in both stores when its domain value serializes to the same JSON (every public property).
/// The target may already hold some of the source's rows, unchanged (a second run, or one that stopped half-way): only
/// the missing ones are written. When it holds a row the source does not, or holds it otherwise (the bot already ran
/// on it), nothing is written and the outcome says what: copying would merge two histories. After copying, both stores
/// are read again and compared, aggregate by aggregate.
/// </summary>
internal static class StoreCopy
{
    /// <summary>Rows written at once (ballots and ratings go through the target's group commit).</summary>
    private const int ConcurrentWrites = 64;

    private static readonly JsonSerializerOptions ValueJson = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithDerivedTypes } } };

    private static readonly IAggregate[] Aggregates =
    [
        new Aggregate<Club>("clubs", s => s.Clubs, c => Key(c.GuildId), (to, rows, ct) => Each(rows, c => to.Clubs.SaveAsync(c, ct))),
        new Aggregate<Track>("tracks", s => s.Clubs.SelectMany(c => c.Tracks).ToList(), t => Key(t.Id), (_, _, _) => Task.CompletedTask), // saved with their club
        new Aggregate<Cycle>("cycles", s => s.Cycles, c => Key(c.Id), (to, rows, ct) => Each(rows, c => to.Cycles.SaveAsync(c, ct))),
        new Aggregate<Nomination>("nominations", s => s.Nominations, n => Key(n.Id), (to, rows, ct) => to.Nominations.AddRangeAsync(rows, ct)),
        new Aggregate<Ballot>("ballots", s => s.Ballots, b => Key(b.CycleId, b.MemberId), (to, rows, ct) => Each(rows, b => to.Ballots.UpsertAsync(b, ct))),
        new Aggregate<Pick>("picks", s => s.Picks, p => Key(p.CycleId), (to, rows, ct) => Each(rows, p => to.Picks.SaveAsync(p, ct))),
        new Aggregate<Rating>("ratings", s => s.Ratings, r => Key(r.CycleId, r.MemberId), (to, rows, ct) => Each(rows, r => to.Ratings.UpsertAsync(r, ct))),
        new Aggregate<Prompt>("prompts", s => s.Prompts, p => Key(p.Id), (to, rows, ct) => to.Prompts.SaveAsync(rows, ct)),
        new Aggregate<PromptDrawState>("prompt draws", s => s.PromptDraws, d => Key(d.TrackId), (to, rows, ct) => Each(rows, d => to.Prompts.SaveDrawStateAsync(d, ct))),
        new Aggregate<OutboxMessage>("outbox messages", s => s.Outbox, m => Key(m.Id), (to, rows, ct) => Each(rows, m => to.Outbox.AddOrGetAsync(m, ct))),
        new Aggregate<CatalogueEntry>("catalogue entries", s => s.CatalogueEntries, e => e.CatalogueId, (to, rows, ct) => Each(rows, e => to.CatalogueEntries.SaveAsync(e, ct))),
    ];

    private interface IAggregate
    {
        string Name { get; }

        int Count(StoreContents contents);

        /// <summary>The keys of the rows <paramref name="target"/> holds that <paramref name="source"/> does not, or holds otherwise.</summary>
        IReadOnlyList<string> Foreign(StoreContents source, StoreContents target);

        /// <summary>Writes the source's rows the target lacks; returns how many.</summary>
        Task<int> CopyMissingAsync(StoreContents source, StoreContents target, ClubStoreRepositories to, CancellationToken cancellationToken);
    }

    public static async Task<StoreCopyOutcome> RunAsync(ClubStoreRepositories source, ClubStoreRepositories target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var from = await StoreContents.ReadAsync(source, cancellationToken).ConfigureAwait(false);
        var before = await StoreContents.ReadAsync(target, cancellationToken).ConfigureAwait(false);
        var foreign = Foreign(from, before);
        if (foreign.Count > 0)
        {
            return new StoreCopyOutcome([], Refusal: $"{string.Join(", ", foreign.Select(f => $"{f.Keys.Count} {f.Name}"))}; e.g. {foreign[0].Name} {foreign[0].Keys[0]}");
        }

        var copied = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var aggregate in Aggregates)
        {
            copied[aggregate.Name] = await aggregate.CopyMissingAsync(from, before, target, cancellationToken).ConfigureAwait(false);
        }

        var after = await StoreContents.ReadAsync(target, cancellationToken).ConfigureAwait(false);
        var counts = Aggregates.Select(a => new AggregateCount(a.Name, a.Count(from), a.Count(after), copied[a.Name])).ToList();
        var mismatch = counts.FirstOrDefault(c => c.Source != c.Target) is { } count
            ? $"{count.Name}: {count.Source} in the source, {count.Target} in the target"
            : Foreign(from, after) is [var changed, ..]
                ? $"{changed.Name}: {changed.Keys.Count} read back different from the source (e.g. {changed.Keys[0]})"
                : null;
        return new StoreCopyOutcome(counts, Mismatch: mismatch);
    }

    private static List<(string Name, IReadOnlyList<string> Keys)> Foreign(StoreContents source, StoreContents target) =>
        Aggregates.Select(a => (a.Name, Keys: a.Foreign(source, target))).Where(f => f.Keys.Count > 0).ToList();

    private static string Key<T>(T id) => $"{id}";

    private static string Key<T>(T id, ulong memberId) => $"{id}/{memberId}";

    private static async Task Each<T>(IReadOnlyList<T> rows, Func<T, Task> write)
    {
        foreach (var chunk in rows.Chunk(ConcurrentWrites))
        {
            await Task.WhenAll(chunk.Select(write)).ConfigureAwait(false);
        }
    }

    /// <summary>Abstract domain types (a nomination's film or album) are written as their concrete type, so every field is compared.</summary>
    private static void WithDerivedTypes(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !info.Type.IsAbstract || info.Type.IsInterface)
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions();
        foreach (var derived in info.Type.Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsAssignableTo(info.Type)))
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(derived, derived.Name));
        }
    }

    private sealed class Aggregate<T>(
        string name,
        Func<StoreContents, IReadOnlyList<T>> rows,
        Func<T, string> key,
        Func<ClubStoreRepositories, IReadOnlyList<T>, CancellationToken, Task> write) : IAggregate
    {
        public string Name => name;

        public int Count(StoreContents contents) => rows(contents).Count;

        public IReadOnlyList<string> Foreign(StoreContents source, StoreContents target)
        {
            var expected = rows(source).ToDictionary(key, Json, StringComparer.Ordinal);
            return rows(target)
                .Where(row => !expected.TryGetValue(key(row), out var json) || json != Json(row))
                .Select(key)
                .ToList();
        }

        public async Task<int> CopyMissingAsync(StoreContents source, StoreContents target, ClubStoreRepositories to, CancellationToken cancellationToken)
        {
            var present = rows(target).Select(key).ToHashSet(StringComparer.Ordinal);
            var missing = rows(source).Where(row => !present.Contains(key(row))).ToList();
            if (missing.Count > 0)
            {
                await write(to, missing, cancellationToken).ConfigureAwait(false);
            }

            return missing.Count;
        }

        private static string Json(T row) => JsonSerializer.Serialize(row, ValueJson);
    }

    /// <summary>Everything a club store holds, read through its repositories: the clubs, and everything that hangs off their tracks.</summary>
    private sealed record StoreContents(
        IReadOnlyList<Club> Clubs,
        IReadOnlyList<Cycle> Cycles,
        IReadOnlyList<Nomination> Nominations,
        IReadOnlyList<Ballot> Ballots,
        IReadOnlyList<Pick> Picks,
        IReadOnlyList<Rating> Ratings,
        IReadOnlyList<Prompt> Prompts,
        IReadOnlyList<PromptDrawState> PromptDraws,
        IReadOnlyList<OutboxMessage> Outbox,
        IReadOnlyList<CatalogueEntry> CatalogueEntries)
    {
        public static async Task<StoreContents> ReadAsync(ClubStoreRepositories store, CancellationToken cancellationToken)
        {
            var clubs = await store.Clubs.ListAsync(cancellationToken).ConfigureAwait(false);
            var tracks = clubs.SelectMany(club => club.Tracks).Select(track => track.Id).ToList();
            var cycles = await ForEach(tracks, track => store.Cycles.ListByTrackAsync(track, cancellationToken)).ConfigureAwait(false);
            return new StoreContents(
                clubs,
                cycles,
                await ForEach(tracks, track => store.Nominations.ListByTrackAsync(track, cancellationToken)).ConfigureAwait(false),
                await ForEach(cycles.Select(cycle => cycle.Id), cycle => store.Ballots.ListByCycleAsync(cycle, cancellationToken)).ConfigureAwait(false),
                await ForEach(tracks, track => store.Picks.ListByTrackAsync(track, cancellationToken)).ConfigureAwait(false),
                await ForEach(tracks, track => store.Ratings.ListByTrackAsync(track, cancellationToken)).ConfigureAwait(false),
                await ForEach(tracks, track => store.Prompts.ListByTrackAsync(track, cancellationToken)).ConfigureAwait(false),
                await ForEach(tracks, async track => await store.Prompts.GetDrawStateAsync(track, cancellationToken).ConfigureAwait(false) is { } draw ? [draw] : (IReadOnlyList<PromptDrawState>)[]).ConfigureAwait(false),
                await store.Outbox.ListAllAsync(cancellationToken).ConfigureAwait(false),
                await store.CatalogueEntries.ListAsync(cancellationToken).ConfigureAwait(false));
        }

        private static async Task<IReadOnlyList<TRow>> ForEach<TId, TRow>(IEnumerable<TId> ids, Func<TId, Task<IReadOnlyList<TRow>>> list)
        {
            var rows = new List<TRow>();
            foreach (var id in ids)
            {
                rows.AddRange(await list(id).ConfigureAwait(false));
            }

            return rows;
        }
    }
}
