using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ListeningClub.Storage.Postgres.Tests.Support;

/// <summary>
/// A real, throwaway PostgreSQL cluster for the test run: <c>initdb</c> into a temp folder, <c>postgres</c> listening
/// only on a unix socket in that folder (fsync and synchronous_commit on: durability is what the store promises), shared
/// by every test of the process and stopped and deleted when the process exits. A watchdog shell stops it too if the test
/// process dies without exiting (kill -9), and clusters left behind by dead runs are removed when the next one starts.
/// initdb and postgres refuse to run as root: as root, they run as the <c>postgres</c> user (runuser), which owns the
/// folder. Missing binaries fail the tests with what to install: the tests never skip.
/// A test that stops and starts the server (PostgreSQL restarting under the store) takes a cluster of its own
/// (<see cref="StartPrivateAsync"/>), so the tests sharing <see cref="Shared"/> never see it go away.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    /// <summary>The superuser initdb creates (trust authentication on the socket only).</summary>
    public const string User = "lc";

    private const string FolderPrefix = "lc-pg-";
    private static readonly Lazy<Task<PostgresCluster>> SharedCluster = new(StartNewAsync);
    private readonly string _bin;
    private readonly bool _asPostgresUser;
    private int _stopped;

    private PostgresCluster(string folder, string bin, bool asPostgresUser)
    {
        Folder = folder;
        _bin = bin;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>The cluster of this test process, started on first use.</summary>
    public static Task<PostgresCluster> Shared => SharedCluster.Value;

    /// <summary>A cluster for one test alone (it may stop and start its server); dispose it to stop it and delete its folder.</summary>
    public static Task<PostgresCluster> StartPrivateAsync() => StartNewAsync();

    /// <summary>The temp folder: the data directory (<c>data</c>), the server log and the socket.</summary>
    public string Folder { get; }

    public string DataDirectory => Path.Combine(Folder, "data");

    public string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>A connection string to <paramref name="database"/> over the socket, optionally with a search path.</summary>
    public string ConnectionString(string database = "postgres", string? searchPath = null)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = Folder,
            Port = 5432,
            Username = User,
            Database = database,
            Pooling = true,
            MaxPoolSize = 100,
        };
        if (searchPath is not null)
        {
            builder.SearchPath = searchPath;
        }

        return builder.ConnectionString;
    }

    /// <summary>A fresh schema (an empty store) and the connection string that works in it.</summary>
    public async Task<string> CreateSchemaAsync(string prefix = "t")
    {
        var schema = $"{prefix}_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE SCHEMA \"{schema}\"");
        return ConnectionString(searchPath: schema);
    }

    /// <summary>A fresh database and the connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "db")
    {
        var database = $"{prefix}_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{database}\"");
        return ConnectionString(database);
    }

    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresCluster> StartNewAsync()
    {
        var bin = FindBinaries();
        var asPostgresUser = IsRoot();
        RemoveStaleClusters(bin, asPostgresUser);

        var folder = Path.Combine("/tmp", $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(folder);
        var cluster = new PostgresCluster(folder, bin, asPostgresUser);
        try
        {
            if (asPostgresUser)
            {
                Run("chown", ["postgres:", folder], asPostgresUser: false);
            }

            cluster.RunTool("initdb", ["-D", cluster.DataDirectory, "-U", User, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
            cluster.StartServer();
            cluster.StartWatchdog();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
            await cluster.ExecuteAsync("SELECT 1");
            return cluster;
        }
        catch (Exception ex)
        {
            var log = File.Exists(cluster.LogFile) ? File.ReadAllText(cluster.LogFile) : "(no server log)";
            cluster.Stop();
            throw new InvalidOperationException($"Could not start the test PostgreSQL cluster in {folder}: {ex.Message}\n{log}", ex);
        }
    }

    /// <summary>
    /// Stops the server (<c>pg_ctl stop</c>) and waits until it is gone, keeping the data directory: <see cref="PostgresShutdown.Immediate"/>
    /// is a crash (no checkpoint; the next start recovers from the WAL), <see cref="PostgresShutdown.Fast"/> an operator's
    /// restart (sessions are terminated, then a checkpoint). Only for a cluster of <see cref="StartPrivateAsync"/>.
    /// </summary>
    public Task StopServerAsync(PostgresShutdown mode) =>
        Task.Run(() => RunTool("pg_ctl", ["-D", DataDirectory, "-m", mode == PostgresShutdown.Immediate ? "immediate" : "fast", "-w", "-t", "60", "stop"]));

    /// <summary>Starts the server again on the same data directory and socket, and waits until it accepts connections.</summary>
    public Task StartServerAsync() => Task.Run(StartServer);

    private void StartServer() =>
        RunTool("pg_ctl", [
            "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "start", "-o",
            $"-k {Folder} -c listen_addresses='' -c fsync=on -c synchronous_commit=on -c shared_buffers=32MB -c max_connections=400",
        ]);

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops the server at once (nothing in it is worth keeping) and deletes the folder.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        StopCluster(_bin, DataDirectory, _asPostgresUser);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// A detached shell that waits for this process to end, then stops the server and deletes the folder: so even a
    /// killed test run leaves no server behind. After a clean exit, <see cref="Stop"/> has done it already.
    /// </summary>
    private void StartWatchdog()
    {
        var stop = $"{Path.Combine(_bin, "pg_ctl")} -D {DataDirectory} -m immediate stop";
        if (_asPostgresUser)
        {
            stop = $"runuser -u postgres -- {stop}";
        }

        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; if [ -f {DataDirectory}/postmaster.pid ]; then {stop}; fi; rm -rf {Folder}";
        using var watchdog = Process.Start(new ProcessStartInfo("setsid")
        {
            ArgumentList = { "sh", "-c", $"({script}) </dev/null >/dev/null 2>&1 &" },
            UseShellExecute = false,
        });
        watchdog?.WaitForExit();
    }

    /// <summary>Clusters of test runs whose process is gone: stopped and deleted.</summary>
    private static void RemoveStaleClusters(string bin, bool asPostgresUser)
    {
        foreach (var folder in Directory.EnumerateDirectories("/tmp", FolderPrefix + "*"))
        {
            var name = Path.GetFileName(folder)[FolderPrefix.Length..];
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsAlive(pid))
            {
                continue;
            }

            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                StopCluster(bin, data, asPostgresUser);
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    private static void StopCluster(string bin, string dataDirectory, bool asPostgresUser)
    {
        try
        {
            Run(Path.Combine(bin, "pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], asPostgresUser);
        }
        catch (InvalidOperationException)
        {
            // Not running (already stopped): nothing to do.
        }
    }

    private void RunTool(string tool, IReadOnlyList<string> arguments) => Run(Path.Combine(_bin, tool), arguments, _asPostgresUser);

    private static void Run(string file, IReadOnlyList<string> arguments, bool asPostgresUser)
    {
        // sh merges stderr into stdout, so one redirected stream is read to its end without a deadlock.
        var start = new ProcessStartInfo("sh")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            WorkingDirectory = "/tmp",
        };
        foreach (var argument in new[] { "-c", "exec \"$@\" 2>&1", "sh" })
        {
            start.ArgumentList.Add(argument);
        }

        if (asPostgresUser)
        {
            foreach (var argument in new[] { "runuser", "-u", "postgres", "--" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(file);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
        }
    }

    /// <summary>The folder holding initdb, pg_ctl and postgres: LISTENINGCLUB_PG_BIN, else PATH, else Debian's /usr/lib/postgresql/&lt;version&gt;/bin.</summary>
    private static string FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("LISTENINGCLUB_PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.EnumerateDirectories("/usr/lib/postgresql")
                .OrderByDescending(v => int.TryParse(Path.GetFileName(v), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
                .Select(v => Path.Combine(v, "bin")));
        }

        foreach (var folder in candidates)
        {
            if (File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")) && File.Exists(Path.Combine(folder, "postgres")))
            {
                // Symlinks (/usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb) resolved: pg_ctl finds postgres beside itself.
                var initdb = new FileInfo(Path.Combine(folder, "initdb"));
                return Path.GetDirectoryName(initdb.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb.FullName)!;
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found on PATH, in /usr/lib/postgresql/<version>/bin or in LISTENINGCLUB_PG_BIN. Install them (apt-get install -y postgresql): the PostgreSQL tests need a real server and never skip.");
    }

    private static bool IsRoot()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                return line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0";
            }
        }

        return false;
    }
}

/// <summary>How <see cref="PostgresCluster.StopServerAsync"/> stops the server (<c>pg_ctl stop -m …</c>).</summary>
public enum PostgresShutdown
{
    /// <summary>Terminates the sessions (57P01 to each client), checkpoints, exits: an operator's restart.</summary>
    Fast,

    /// <summary>Kills everything at once, no checkpoint: as a crash; the next start replays the WAL.</summary>
    Immediate,
}
