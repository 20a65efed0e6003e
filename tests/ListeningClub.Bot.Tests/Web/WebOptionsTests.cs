using ListeningClub.Bot.Tests.Support;
using ListeningClub.Bot.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Tests.Web;

/// <summary>The web server's settings are checked at start, like every other section: one line per problem, naming the setting.</summary>
public sealed class WebOptionsTests
{
    [Fact]
    public void Start_WithBadWebUrls_FailsValidation_NamingEachSetting()
    {
        using var host = UnstartedHost.Build(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "token",
            ["Web:Enabled"] = "true",
            ["Web:Urls"] = "ftp://127.0.0.1:21;http://127.0.0.1:8643",
            ["Web:PublicBaseUrl"] = "club.example.org",
            ["Web:RequestsPerMinute"] = "0",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        var lines = failure.Failures.Select(ListeningClub.Bot.Hosting.BotHost.Describe).ToList();
        Assert.Contains(lines, l => l.StartsWith("Web:Urls: \"ftp://127.0.0.1:21\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Web:PublicBaseUrl", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Web:RequestsPerMinute must be", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("Web:Urls", StringComparison.Ordinal)); // the good URL is not a problem
    }

    [Fact]
    public void Defaults_AreOff_AndValid()
    {
        using var host = UnstartedHost.Build(new Dictionary<string, string?> { ["Discord:Token"] = "token" });

        var web = host.Services.GetRequiredService<IOptions<WebOptions>>().Value;

        Assert.False(web.Enabled);
        Assert.Equal(new Uri("http://127.0.0.1:8643/"), web.LinkBase());
        Assert.Empty(host.Services.GetRequiredService<WebServer>().Addresses);
    }

    [Fact]
    public void LinkBase_IsThePublicBaseUrl_WithATrailingSlash()
    {
        var web = new WebOptions { PublicBaseUrl = new Uri("https://club.example.org/archive") };

        Assert.Equal(new Uri("https://club.example.org/archive/"), web.LinkBase());
    }
}
