using System.Text.RegularExpressions;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>
/// The image build (deploy/Dockerfile) keeps up with the solution: its restore stage copies every project file (a
/// missing one fails the image's restore), and the image runs on ASP.NET Core's runtime (the bot hosts Kestrel).
/// </summary>
public sealed partial class DockerfileTests
{
    [Fact]
    public void RestoreStage_CopiesEveryProjectOfTheSolution()
    {
        var root = ReadmeTests.RepositoryRoot();
        var dockerfile = File.ReadAllText(Path.Combine(root, "deploy", "Dockerfile"));
        var projects = SolutionProject().Matches(File.ReadAllText(Path.Combine(root, "ListeningClub.sln")))
            .Select(m => m.Groups["path"].Value.Replace('\\', '/'))
            .ToList();

        Assert.NotEmpty(projects);
        var missing = projects.Where(project => !dockerfile.Contains($"COPY {project} {Path.GetDirectoryName(project)!.Replace('\\', '/')}/", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "deploy/Dockerfile does not copy: " + string.Join(", ", missing));
    }

    [Fact]
    public void FinalImage_IsAspNetCoresRuntime_BecauseTheBotHostsKestrel()
    {
        var root = ReadmeTests.RepositoryRoot();
        var dockerfile = File.ReadAllText(Path.Combine(root, "deploy", "Dockerfile"));
        var bot = File.ReadAllText(Path.Combine(root, "src", "ListeningClub.Bot", "ListeningClub.Bot.csproj"));

        Assert.Contains("<FrameworkReference Include=\"Microsoft.AspNetCore.App\" />", bot, StringComparison.Ordinal);
        Assert.Matches(@"FROM mcr\.microsoft\.com/dotnet/aspnet:\$\{DOTNET_VERSION\} AS final", dockerfile);
    }

    [GeneratedRegex("""Project\("\{[0-9A-F-]+\}"\) = "[^"]+", "(?<path>[^"]+\.csproj)", """)]
    private static partial Regex SolutionProject();
}
