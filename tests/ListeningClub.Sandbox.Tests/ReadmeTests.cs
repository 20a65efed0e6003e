namespace ListeningClub.Sandbox.Tests;

/// <summary>The README's quick start is the sandbox, then the tests, with the sandbox's screenshot beside it.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void QuickStart_RunsTheSandboxThenTheTests_AndShowsTheSandbox()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ListeningClub.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md"));
        var quickStart = readme[readme.IndexOf("## Quick start", StringComparison.Ordinal)..];
        var block = quickStart[(quickStart.IndexOf("```sh\n", StringComparison.Ordinal) + 6)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        Assert.Equal(["dotnet run -c Release --project src/ListeningClub.Sandbox", "dotnet test ListeningClub.sln"], block.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("(docs/screenshots/sandbox.png)", quickStart[..quickStart.IndexOf("## Running it on a real server", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root.FullName, "docs", "screenshots", "sandbox.png")));
    }
}
