using System.Globalization;

namespace ListeningClub.Sandbox.Hosting;

/// <summary>
/// The sandbox's few switches: <c>--data &lt;folder&gt;</c> (default <c>./sandbox-data</c>) and <c>--port &lt;n&gt;</c>
/// (default 5180; 0 picks a free one). It always listens on 127.0.0.1 only.
/// </summary>
public sealed record SandboxSettings(string DataFolder, int Port)
{
    public const string DefaultDataFolder = "sandbox-data";

    public const int DefaultPort = 5180;

    /// <summary>The settings, or a one-line problem saying what to fix.</summary>
    public static (SandboxSettings? Settings, string? Problem) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var folder = DefaultDataFolder;
        var port = DefaultPort;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = Split(args, ref i);
            switch (name)
            {
                case "--data" when !string.IsNullOrWhiteSpace(value):
                    folder = value;
                    break;
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535:
                    port = p;
                    break;
                default:
                    return (null, $"unknown or incomplete argument '{args[i]}'. Use --data <folder> and --port <number> (0 picks a free port).");
            }
        }

        return (new SandboxSettings(Path.GetFullPath(folder), port), null);
    }

    private static (string Name, string? Value) Split(IReadOnlyList<string> args, ref int i)
    {
        var arg = args[i];
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            return (arg[..equals], arg[(equals + 1)..]);
        }

        if (i + 1 < args.Count)
        {
            i++;
            return (arg, args[i]);
        }

        return (arg, null);
    }
}
