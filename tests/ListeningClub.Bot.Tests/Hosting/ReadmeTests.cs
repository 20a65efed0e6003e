using ListeningClub.Bot.Tests.Support;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>What the README promises a new server admin, checked against the code.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void InvitePermissions_TheReadmeInteger_IsTheSumOfTheExplainedBits()
    {
        Assert.Equal(InvitePermissions.InUrl, InvitePermissions.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        Assert.Contains($"permissions={InvitePermissions.InUrl}&", readme, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ListeningClub.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ListeningClub.sln not found above the test folder.");
    }
}
