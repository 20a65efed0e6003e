using System.Text.RegularExpressions;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>
/// A clone of the repository into any folder builds and passes its tests: nothing in the build, the tests or the
/// scripts refers to a path above the repository root (a clone elsewhere would not have it).
/// </summary>
public sealed partial class StandaloneRepositoryTests
{
    [Fact]
    public void NoBuildFileOrScript_PointsAboveTheRepositoryRoot()
    {
        var root = ReadmeTests.RepositoryRoot();
        var escapes = BuildFiles(root)
            .SelectMany(file => PathsAboveRoot(root, file, File.ReadAllText(file)).Select(path => $"{Path.GetRelativePath(root, file)}: {path}"))
            .ToList();
        Assert.True(escapes.Count == 0, "Paths outside the repository:\n" + string.Join('\n', escapes));
    }

    [Fact]
    public void TheCheck_FindsAPathAboveTheRoot_AndAcceptsPathsInsideIt()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");
        var project = Path.Combine(root, "tests", "Emulator", "Emulator.csproj");
        // Three levels up from tests/Emulator leaves the repository; built from parts so this file names no such path itself.
        var aboveRoot = "$(MSBuildThisFileDirectory)" + string.Concat(Enumerable.Repeat("../", 3)) + "spec/openapi.json";
        var outside = $"""<None Include="{aboveRoot}" />""";
        const string Inside = """<None Include="$(MSBuildThisFileDirectory)../../third_party/spec/openapi.json" /><ProjectReference Include="..\..\src\Bot\Bot.csproj" />""";

        Assert.Equal([aboveRoot], PathsAboveRoot(root, project, outside));
        Assert.Empty(PathsAboveRoot(root, project, Inside));
        Assert.Equal(["../../x"], PathsAboveRoot(root, Path.Combine(root, ".ci", "run"), "cd \"$(dirname \"$0\")/..\" && cat ../../x"));
    }

    /// <summary>Project, props, targets and solution files, and every script the build, CI or deployment runs.</summary>
    private static IEnumerable<string> BuildFiles(string root)
    {
        string[] patterns = ["*.csproj", "*.props", "*.targets", "*.sln", "*.sh", "global.json", "Dockerfile", "compose.yaml", "*.service"];
        var skipped = new[] { ".git", "bin", "obj" };
        return patterns
            .SelectMany(pattern => Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, ".ci")))
            .Where(file => !Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(skipped.Contains))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// The relative paths in <paramref name="text"/> (anything with a <c>..</c> segment) that resolve above
    /// <paramref name="root"/>, read relative to the file's folder (an MSBuild property in front, such as
    /// <c>$(MSBuildThisFileDirectory)</c>, stands for that folder).
    /// </summary>
    private static List<string> PathsAboveRoot(string root, string file, string text)
    {
        var folder = Path.GetDirectoryName(file)!;
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var found = new List<string>();
        foreach (Match match in RelativePath().Matches(text))
        {
            var path = match.Value;
            var relative = PropertyPrefix().Replace(path, "").Replace('\\', '/');
            var resolved = Path.GetFullPath(Path.Combine(folder, relative)) + Path.DirectorySeparatorChar;
            if (!resolved.StartsWith(fullRoot, StringComparison.Ordinal))
            {
                found.Add(path);
            }
        }

        return found;
    }

    [GeneratedRegex(@"(?:\$\([A-Za-z]+\))?(?:[A-Za-z0-9_.\-]+[/\\])*\.\.(?:[/\\][A-Za-z0-9_.\-]*)*")]
    private static partial Regex RelativePath();

    [GeneratedRegex(@"^\$\([A-Za-z]+\)")]
    private static partial Regex PropertyPrefix();
}
