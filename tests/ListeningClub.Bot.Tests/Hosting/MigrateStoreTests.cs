using System.Security.Cryptography;
using ListeningClub.Bot.Hosting;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;
using ListeningClub.Storage.Configuration;
using ListeningClub.Storage.Engine;
using ListeningClub.Storage.Postgres.Engine;
using ListeningClub.Storage.Postgres.Repositories;
using ListeningClub.Storage.Postgres.Tests.Support;
using ListeningClub.Storage.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>
/// <c>--migrate-store</c>: a LiteDB club file copied into PostgreSQL (the test run's real cluster, a fresh schema per
/// test) reads back the same through the PostgreSQL repositories; running it again changes nothing; a target that
/// already holds another history, a folder a bot owns, a missing file are refused with one line.
/// </summary>
public sealed class MigrateStoreTests : IAsyncLifetime
{
    private const ulong Guild = ulong.MaxValue - 1;
    private const string Password = "hunter2-secret";
    private const int Aggregates = 11;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "listeningclub-tests", Guid.NewGuid().ToString("N"));
    private string _postgres = "";

    private string DatabaseFile => Path.Combine(_folder, "listeningclub.db");

    public async Task InitializeAsync() => _postgres = await (await PostgresCluster.Shared).CreateSchemaAsync("migrate") + $";Password={Password}";

    [Fact]
    public async Task PopulatedClub_IsCopiedWhole_AndReadsBackFromPostgresAsFromTheFile_WhichIsLeftUntouched()
    {
        var written = await WriteLiteDbAsync(PopulateAsync);
        var fileBefore = await FileHashAsync();

        var (exitCode, output, errors) = await MigrateAsync();

        Assert.True(exitCode == 0, string.Join("\n", errors));
        Assert.Empty(errors);
        Assert.Equal(Aggregates + 1, output.Count);
        Assert.Contains("cycles: 5 in LiteDB, 5 in PostgreSQL (5 copied by this run)", output);
        Assert.Contains("outbox messages: 3 in LiteDB, 3 in PostgreSQL (3 copied by this run)", output);
        Assert.StartsWith($"migrate-store: OK, {DatabaseFile} is in PostgreSQL", output[^1], StringComparison.Ordinal);
        Assert.EndsWith("equal in both (25 copied by this run, 0 were there already).", output[^1], StringComparison.Ordinal);
        Assert.Equal(fileBefore, await FileHashAsync());

        await using var postgres = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = _postgres });
        Assert.Equivalent(written, await ReadAsync(ClubStoreRepositories.Of(postgres)), strict: true);
        await using var file = ReadOnlyClubFile.Open(new StorageOptions { DataFolder = _folder }, TimeProvider.System);
        Assert.Equivalent(written, await ReadAsync(ClubStoreRepositories.Of(file)), strict: true);
    }

    [Fact]
    public async Task FileOfABotThatWasKilled_WithWritesOnlyInItsLog_IsCopiedWhole_AndTheLogIsLeftAsItWas()
    {
        // The files as kill -9 leaves them: every write durable in the log, none checkpointed into the database file.
        var killed = Path.Combine(_folder, "killed");
        ClubHistory written;
        await using (var bot = OpenLiteDb(options => options.IdleCheckpointMilliseconds = 3_600_000))
        {
            written = await PopulateAsync(Repositories(bot));
            Directory.CreateDirectory(killed);
            foreach (var name in new[] { "listeningclub.db", "listeningclub-log.db" })
            {
                File.Copy(Path.Combine(_folder, name), Path.Combine(killed, name));
            }
        }

        var log = Path.Combine(killed, "listeningclub-log.db");
        var logBefore = await File.ReadAllBytesAsync(log);
        var fileBefore = await File.ReadAllBytesAsync(Path.Combine(killed, "listeningclub.db"));
        Assert.True(logBefore.Length > 0, "the writes are in the log");

        var (exitCode, output, _) = await MigrateAsync(killed);

        Assert.Equal(0, exitCode);
        Assert.EndsWith("(25 copied by this run, 0 were there already).", output[^1], StringComparison.Ordinal);
        Assert.Equal(logBefore, await File.ReadAllBytesAsync(log));
        Assert.Equal(fileBefore, await File.ReadAllBytesAsync(Path.Combine(killed, "listeningclub.db")));
        await using var postgres = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = _postgres });
        Assert.Equivalent(written, await ReadAsync(ClubStoreRepositories.Of(postgres)), strict: true);
    }

    [Fact]
    public async Task RunTwice_SecondRunCopiesNothing_AndPostgresHoldsTheSame()
    {
        var written = await WriteLiteDbAsync(PopulateAsync);
        Assert.Equal(0, (await MigrateAsync()).ExitCode);

        var (exitCode, output, _) = await MigrateAsync();

        Assert.Equal(0, exitCode);
        Assert.All(output.SkipLast(1), line => Assert.EndsWith("(0 copied by this run)", line, StringComparison.Ordinal));
        Assert.EndsWith("(0 copied by this run, 25 were there already).", output[^1], StringComparison.Ordinal);
        await using var postgres = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = _postgres });
        Assert.Equivalent(written, await ReadAsync(ClubStoreRepositories.Of(postgres)), strict: true);
    }

    [Fact]
    public async Task RunAfterOneThatStoppedHalfWay_CopiesTheRest()
    {
        var written = await WriteLiteDbAsync(PopulateAsync);
        await using (var postgres = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = _postgres }))
        {
            await new PostgresClubRepository(postgres).SaveAsync(written.Club, default);
            await new PostgresCycleRepository(postgres).SaveAsync(written.Cycles[0], default);
        }

        var (exitCode, output, _) = await MigrateAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("clubs: 1 in LiteDB, 1 in PostgreSQL (0 copied by this run)", output);
        Assert.Contains("cycles: 5 in LiteDB, 5 in PostgreSQL (4 copied by this run)", output);
    }

    [Fact]
    public async Task PostgresAlreadyHoldingAnotherHistory_IsRefusedNamingWhat_AndNothingIsWritten()
    {
        var written = await WriteLiteDbAsync(PopulateAsync);
        Assert.Equal(0, (await MigrateAsync()).ExitCode);

        // The bot ran on PostgreSQL meanwhile: it opened the next cycle and sent a pending post.
        var next = Sample.Cycle(written.Club.Tracks[0].Id, number: 9) with { Phase = CyclePhase.Nominating };
        var pending = written.Outbox.Single(m => m.IsPending);
        await using (var postgres = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = _postgres }))
        {
            await new PostgresCycleRepository(postgres).SaveAsync(next, default);
            await new PostgresOutboxRepository(postgres).UpdateAsync(pending with { SentAt = Sample.Now.AddDays(30), MessageId = 77, Attempts = 1 }, default);
        }

        var (exitCode, output, errors) = await MigrateAsync();

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(errors);
        Assert.StartsWith("migrate-store: refused: PostgreSQL ", line, StringComparison.Ordinal);
        Assert.Contains("(1 cycles, 1 outbox messages; e.g. cycles " + next.Id, line, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, line, StringComparison.Ordinal);
        await using var after = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = _postgres });
        Assert.Equal(77UL, (await new PostgresOutboxRepository(after).GetAsync(pending.Id, default))!.MessageId);
    }

    [Fact]
    public async Task PostgresHoldingAnotherClub_IsRefused_BeforeAnythingIsCopied()
    {
        await WriteLiteDbAsync(PopulateAsync);
        await using (var postgres = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = _postgres }))
        {
            await new PostgresClubRepository(postgres).SaveAsync(Sample.Club(42), default);
        }

        var (exitCode, _, errors) = await MigrateAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("(1 clubs; e.g. clubs 42)", Assert.Single(errors), StringComparison.Ordinal);
        await using var after = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = _postgres });
        Assert.Null(await new PostgresClubRepository(after).GetAsync(Guild, default));
    }

    [Fact]
    public async Task PostgresHoldingTheSameIdsWithOtherValues_IsRefused_EvenDeepInsideAValue()
    {
        var written = await WriteLiteDbAsync(PopulateAsync);
        var album = written.Club.Tracks[1];
        var nomination = written.Nominations[3];
        await using (var postgres = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = _postgres }))
        {
            await new PostgresClubRepository(postgres).SaveAsync(written.Club with { Tracks = [written.Club.Tracks[0], album with { DmReminderMembers = [5] }] }, default);
            await new PostgresNominationRepository(postgres).AddAsync(nomination with { Media = Sample.Album("Blue", "Joni Mitchel") }, default);
        }

        var (exitCode, _, errors) = await MigrateAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains($"(1 clubs, 1 tracks, 1 nominations; e.g. clubs {Guild})", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowsTheTargetDoesNotKeep_AreAMismatch_NamingTheAggregateAndBothCounts()
    {
        await WriteLiteDbAsync(PopulateAsync);
        await using var file = ReadOnlyClubFile.Open(new StorageOptions { DataFolder = _folder }, TimeProvider.System);
        await using var postgres = await PostgresStore.OpenAsync(new PostgresStoreSettings { ConnectionString = _postgres });
        var target = ClubStoreRepositories.Of(postgres);

        var outcome = await StoreCopy.RunAsync(ClubStoreRepositories.Of(file), target with { Ballots = new BallotsThatAreLost(target.Ballots) }, default);

        Assert.Null(outcome.Refusal);
        Assert.Equal("ballots: 2 in the source, 0 in the target", outcome.Mismatch);
        Assert.Contains(new AggregateCount("ballots", 2, 0, 2), outcome.Counts);
    }

    [Fact]
    public async Task WhileABotOwnsTheDataFolder_ItIsRefusedWithOneLine()
    {
        await WriteLiteDbAsync(PopulateAsync);
        await using var bot = OpenLiteDb();

        var (exitCode, output, errors) = await MigrateAsync();

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("already in use by another ListeningClub process", Assert.Single(errors), StringComparison.Ordinal);
        Assert.NotNull(await bot.GetRequiredService<IClubRepository>().GetAsync(Guild, default));
    }

    [Fact]
    public async Task WithoutALiteDbFile_ItIsRefusedWithOneLine_AndNoFolderIsMade()
    {
        var (exitCode, _, errors) = await MigrateAsync();

        Assert.Equal(2, exitCode);
        var line = Assert.Single(errors);
        Assert.Contains(DatabaseFile, line, StringComparison.Ordinal);
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder));
    }

    [Theory]
    [InlineData("ConnectionStrings:Postgres", "", "ConnectionStrings:Postgres is missing")]
    [InlineData("Storage:FileName", "club.txt", "Storage:FileName must be a plain file name ending in .db")]
    public async Task BadSetting_IsOneLineNamingIt(string setting, string value, string expected)
    {
        await WriteLiteDbAsync(PopulateAsync);

        var (exitCode, output, errors) = await MigrateAsync(settings: new() { [setting] = value });

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains(expected, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFileOpenedForCopying_TakesNoWrite_AndKeepsABotOffTheFolder()
    {
        await WriteLiteDbAsync(PopulateAsync);
        await using var file = ReadOnlyClubFile.Open(new StorageOptions { DataFolder = _folder }, TimeProvider.System);

        await Assert.ThrowsAsync<InvalidOperationException>(() => file.Clubs.SaveAsync(Sample.Club(7), default));
        Assert.Throws<DataFolderInUseException>(() => OpenLiteDb());
        Assert.Null(await file.Clubs.GetAsync(7, default));
    }

    [Fact]
    public async Task Executable_PrintsOneLinePerAggregateAndASummary_ExitsZero_WithoutThePassword()
    {
        await WriteLiteDbAsync(PopulateAsync);

        var (exitCode, stdout, stderr) = await StartupTests.RunBotAsync(ExecutableSettings(_postgres), MigrateStoreCommand.Switch);

        Assert.True(exitCode == 0, stdout + stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Aggregates + 1, lines.Length);
        Assert.Equal("clubs: 1 in LiteDB, 1 in PostgreSQL (1 copied by this run)", lines[0]);
        Assert.StartsWith("migrate-store: OK, ", lines[^1], StringComparison.Ordinal);
        Assert.Empty(stderr);
        Assert.DoesNotContain(Password, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_WhenPostgresCannotBeReached_ExitsTwoWithOneLine_WithoutThePasswordOrAStackTrace()
    {
        await WriteLiteDbAsync(PopulateAsync);
        var noServer = Path.Combine(_folder, "no-server");
        Directory.CreateDirectory(noServer);

        var (exitCode, stdout, stderr) = await StartupTests.RunBotAsync(
            ExecutableSettings($"Host={noServer};Database=club;Username=bot;Password={Password}"), MigrateStoreCommand.Switch);

        Assert.Equal(2, exitCode);
        var line = Assert.Single((stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("migrate-store: Cannot use the PostgreSQL database \"club\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, line, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private Dictionary<string, string?> ExecutableSettings(string connectionString) => new()
    {
        ["ListeningClub__Storage__DataFolder"] = _folder,
        ["ListeningClub__ConnectionStrings__Postgres"] = connectionString,
    };

    private async Task<(int ExitCode, List<string> Output, List<string> Errors)> MigrateAsync(string? dataFolder = null, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = dataFolder ?? _folder,
            ["ConnectionStrings:Postgres"] = _postgres,
        }).AddInMemoryCollection(settings ?? []).Build();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await MigrateStoreCommand.RunAsync(configuration, output, errors, TimeProvider.System, default);
        return (exitCode, Lines(output), Lines(errors));

        static List<string> Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private async Task<string> FileHashAsync() => Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(DatabaseFile)));

    /// <summary>The LiteDB store as the bot opens it (holding the folder until disposed).</summary>
    private ServiceProvider OpenLiteDb(Action<StorageOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddListeningClubStorage(options =>
        {
            options.DataFolder = _folder;
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider();
        provider.OpenListeningClubStore();
        return provider;
    }

    private async Task<ClubHistory> WriteLiteDbAsync(Func<ClubStoreRepositories, Task<ClubHistory>> populate)
    {
        await using var lite = OpenLiteDb();
        return await populate(Repositories(lite));
    }

    /// <summary>
    /// A club with two tracks, cycles in every phase, nominations active, withdrawn and vetoed, ballots, a pick, ratings,
    /// a deck with a removed prompt and its draw state, outbox messages pending, sent and abandoned, catalogue entries;
    /// ids at the edges of ulong, text with emoji, right-to-left script, padding and U+0000. 25 rows in all.
    /// </summary>
    private static async Task<ClubHistory> PopulateAsync(ClubStoreRepositories store)
    {
        var film = Sample.Track(Guild, "🎬 Film Night — שלום") with { ChannelId = ulong.MaxValue, DmReminderMembers = [1, ulong.MaxValue] };
        var album = Sample.Track(Guild, "  padded\u0000album  ", MediaKind.Album) with { ChannelKind = TrackChannelKind.Forum, ReminderRoleId = (ulong)long.MaxValue + 1 };
        var club = Sample.Club(Guild, film, album) with { ArchiveSlug = "slug-AAAAAAAAAAAAAAAAAAAAAAAA" };
        List<Cycle> cycles =
        [
            .. Enum.GetValues<CyclePhase>().Select((phase, i) => Sample.Cycle(film.Id, i + 1).WithStepDone("nominations") with { Phase = phase, StartedAt = Sample.Now.AddDays(7 * i).AddTicks(i + 1) }),
            Sample.Cycle(album.Id) with { Phase = CyclePhase.Nominating, VotingOpenedAt = null },
        ];
        var voting = cycles[1];
        var announced = cycles[2];
        List<Nomination> nominations =
        [
            Sample.Nomination(voting, 1, Sample.Film("Alien", 1979) with { Catalogue = new CatalogueFacts { Id = "tmdb:348", RuntimeMinutes = 117 } }),
            Sample.Nomination(voting, ulong.MaxValue, Sample.Film("Heat  ", null), Sample.Now.AddSeconds(1)) with { Status = NominationStatus.Withdrawn, Pitch = null },
            Sample.Nomination(voting, 3, Sample.Film("🍿 Vetoed"), Sample.Now.AddSeconds(2)) with { Status = NominationStatus.Vetoed, VetoReason = "off-topic\u0000", CarriedOver = 1 },
            Sample.Nomination(cycles[4], 4, Sample.Album("Blue")),
        ];
        List<Ballot> ballots = [Sample.Ballot(voting.Id, 1, nominations[0].Id), Sample.Ballot(voting.Id, ulong.MaxValue, nominations[0].Id, nominations[2].Id)];
        var pick = Sample.Pick(announced, Guild, number: 3);
        List<Rating> ratings = [Sample.Rating(announced, 1, 10, review: "שלום 🎬"), Sample.Rating(announced, ulong.MaxValue, 1, review: null)];
        List<Prompt> prompts = [Sample.Prompt(film.Id, "Which scene? 🎞"), Sample.Prompt(film.Id, " removed ", Sample.Now.AddSeconds(1)) with { Removed = true, Source = PromptSource.Default, AddedBy = null }];
        var draw = new PromptDrawState { TrackId = film.Id, Round = 2, Drawn = [prompts[0].Id] };
        List<OutboxMessage> outbox =
        [
            Message("pick-announced", announced.Id.ToString(), 0) with { SentAt = Sample.Now.AddMinutes(1), MessageId = ulong.MaxValue, Attempts = 1 },
            Message("voting-opened", voting.Id.ToString(), 1) with { Attempts = 2, NextAttemptAt = Sample.Now.AddSeconds(30), TrackId = film.Id, ForumPostName = "Heat — Film Night" },
            Message("dm-reminder", $"{voting.Id}:1", 2) with { AbandonedAt = Sample.Now.AddMinutes(5), AbandonReason = "403 50007: Cannot send messages to this user" },
        ];
        List<CatalogueEntry> catalogue =
        [
            new() { CatalogueId = "musicbrainz:b1392450-e666-3926-a536-22c65f834433", Json = """{"title":"OK Computer"}""", FetchedAt = Sample.Now.AddTicks(5) },
            new() { CatalogueId = "tmdb:348", Json = "{\"title\":\"Alien  \",\"s\":\"🎬 \\u0000 שלום\"}", FetchedAt = Sample.Now },
        ];

        await store.Clubs.SaveAsync(club, default);
        foreach (var cycle in cycles)
        {
            await store.Cycles.SaveAsync(cycle, default);
        }

        foreach (var nomination in nominations)
        {
            Assert.Null(await store.Nominations.AddAsync(nomination, default));
        }

        foreach (var ballot in ballots)
        {
            await store.Ballots.UpsertAsync(ballot, default);
        }

        await store.Picks.SaveAsync(pick, default);
        foreach (var rating in ratings)
        {
            await store.Ratings.UpsertAsync(rating, default);
        }

        await store.Prompts.SaveAsync(prompts, default);
        await store.Prompts.SaveDrawStateAsync(draw, default);
        foreach (var message in outbox)
        {
            await store.Outbox.AddOrGetAsync(message, default);
        }

        foreach (var entry in catalogue)
        {
            await store.CatalogueEntries.SaveAsync(entry, default);
        }

        return new ClubHistory(club, cycles, nominations, ballots, [pick], ratings, prompts, [draw], outbox, catalogue);

        OutboxMessage Message(string kind, string intentKey, int second)
        {
            var id = Guid.NewGuid();
            return new OutboxMessage
            {
                Id = id,
                Nonce = OutboxMessage.NonceFor(id),
                GuildId = Guild,
                ChannelId = film.ChannelId,
                Kind = kind,
                IntentKey = intentKey,
                Payload = "{\"content\":\"🎬 This week's pick\"}",
                CreatedAt = Sample.Now.AddSeconds(second),
            };
        }
    }

    /// <summary>The club read back through a store's repositories, in the order the stores list them (the same in both).</summary>
    private static async Task<ClubHistory> ReadAsync(ClubStoreRepositories store)
    {
        var club = (await store.Clubs.GetAsync(Guild, default))!;
        var tracks = club.Tracks.Select(t => t.Id).ToList();
        var cycles = await AllAsync(tracks, t => store.Cycles.ListByTrackAsync(t, default));
        return new ClubHistory(
            club,
            cycles,
            await AllAsync(tracks, t => store.Nominations.ListByTrackAsync(t, default)),
            await AllAsync(cycles.Select(c => c.Id), c => store.Ballots.ListByCycleAsync(c, default)),
            await AllAsync(tracks, t => store.Picks.ListByTrackAsync(t, default)),
            await AllAsync(tracks, t => store.Ratings.ListByTrackAsync(t, default)),
            await AllAsync(tracks, t => store.Prompts.ListByTrackAsync(t, default)),
            [(await store.Prompts.GetDrawStateAsync(tracks[0], default))!],
            await store.Outbox.ListAllAsync(default),
            await store.CatalogueEntries.ListAsync(default));

        static async Task<List<TRow>> AllAsync<TId, TRow>(IEnumerable<TId> ids, Func<TId, Task<IReadOnlyList<TRow>>> list) =>
            (await Task.WhenAll(ids.Select(list))).SelectMany(rows => rows).ToList();
    }

    private static ClubStoreRepositories Repositories(ServiceProvider lite) => new(
        lite.GetRequiredService<IClubRepository>(),
        lite.GetRequiredService<ICycleRepository>(),
        lite.GetRequiredService<INominationRepository>(),
        lite.GetRequiredService<IBallotRepository>(),
        lite.GetRequiredService<IPickRepository>(),
        lite.GetRequiredService<IRatingRepository>(),
        lite.GetRequiredService<IPromptRepository>(),
        lite.GetRequiredService<IOutboxRepository>(),
        lite.GetRequiredService<ICatalogueEntryRepository>());

    /// <summary>A target that acknowledges ballots and keeps none (what a verification must catch).</summary>
    private sealed class BallotsThatAreLost(IBallotRepository stored) : IBallotRepository
    {
        public Task UpsertAsync(Ballot ballot, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<Ballot?> GetAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken) => stored.GetAsync(cycleId, memberId, cancellationToken);

        public Task<IReadOnlyList<Ballot>> ListByCycleAsync(CycleId cycleId, CancellationToken cancellationToken) => stored.ListByCycleAsync(cycleId, cancellationToken);

        public Task<int> CountByCycleAsync(CycleId cycleId, CancellationToken cancellationToken) => stored.CountByCycleAsync(cycleId, cancellationToken);

        public Task DeleteAsync(CycleId cycleId, ulong memberId, CancellationToken cancellationToken) => stored.DeleteAsync(cycleId, memberId, cancellationToken);
    }

    private sealed record ClubHistory(
        Club Club,
        IReadOnlyList<Cycle> Cycles,
        IReadOnlyList<Nomination> Nominations,
        IReadOnlyList<Ballot> Ballots,
        IReadOnlyList<Pick> Picks,
        IReadOnlyList<Rating> Ratings,
        IReadOnlyList<Prompt> Prompts,
        IReadOnlyList<PromptDrawState> PromptDraws,
        IReadOnlyList<OutboxMessage> Outbox,
        IReadOnlyList<CatalogueEntry> CatalogueEntries);
}
