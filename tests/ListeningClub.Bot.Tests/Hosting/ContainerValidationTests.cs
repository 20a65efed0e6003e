using ListeningClub.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Tests.Hosting;

/// <summary>
/// The bot's container checks itself when the host is built, in Production too: a service that cannot be constructed,
/// or a singleton holding a scoped service, stops the start instead of failing the first interaction that needs it.
/// </summary>
public sealed class ContainerValidationTests
{
    [Fact]
    public void TheBotsHost_BuildsWithEveryRegistrationValidated()
    {
        var builder = BotHost.CreateBuilder(["--Discord:Token=token"]);

        using var host = builder.Build();

        Assert.NotNull(host.Services.GetRequiredService<ListeningClub.Discord.Interactions.InteractionRouter>());
    }

    [Fact]
    public void TheBotsHost_RefusesASingletonThatHoldsAScopedService()
    {
        var builder = BotHost.CreateBuilder(["--Discord:Token=token"]);
        builder.Services.AddScoped<PerInteraction>();
        builder.Services.AddSingleton<Captive>();

        var refused = Assert.Throws<AggregateException>(() => builder.Build());

        Assert.Contains(refused.InnerExceptions, e => e.Message.Contains("Cannot consume scoped service", StringComparison.Ordinal) && e.Message.Contains(nameof(Captive), StringComparison.Ordinal));
    }

    [Fact]
    public void TheBotsHost_RefusesAServiceThatCannotBeConstructed()
    {
        var builder = BotHost.CreateBuilder(["--Discord:Token=token"]);
        builder.Services.AddSingleton<Captive>();

        var refused = Assert.Throws<AggregateException>(() => builder.Build());

        Assert.Contains(refused.InnerExceptions, e => e.Message.Contains(nameof(PerInteraction), StringComparison.Ordinal));
    }

    public sealed class PerInteraction;

    public sealed class Captive(PerInteraction scoped)
    {
        public PerInteraction Scoped { get; } = scoped;
    }
}
