using System.Reflection;
using ListeningClub.Application.Steps;
using ListeningClub.Bot.Features.Help;
using ListeningClub.Bot.Hosting;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Gateway;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Tests.Interactions;

/// <summary>One place to add a command: its handler declares it and its help, its feature registers it, /help lists it.</summary>
public sealed class CommandCatalogueTests
{
    private static readonly Type[] BotTypes = typeof(ListeningClubServices).Assembly.GetTypes();

    [Fact]
    public void Help_ListsEveryRegisteredCommandAndSubcommand()
    {
        var help = HelpCommand.Render(BotRegistrations.HelpLines);

        var usages = BotRegistrations.Commands.SelectMany(command => Usages(command.Name, command.Options ?? [])).ToList();
        Assert.Contains("/club setup", usages);
        Assert.Contains("/club prompts add", usages);
        Assert.Contains("/nominate film", usages);
        Assert.All(usages, usage => Assert.Contains($"`{usage}`", help, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryHandlerInTheBot_IsRegistered()
    {
        var services = BotRegistrations.Collection();
        var handlers = BotRegistrations.Handlers.Select(h => h.HandlerType).ToHashSet();
        var subcommands = services.Select(d => d.ImplementationInstance).OfType<ManagerSubcommandRegistration>().Select(r => r.Type).ToHashSet();

        Assert.All(Concrete(typeof(IInteractionHandler)), type => Assert.Contains(type, handlers));
        Assert.All(Concrete(typeof(IManagerSubcommand)), type => Assert.Contains(type, subcommands));
        Assert.All(Concrete(typeof(IGatewayDispatchHandler)), type => Assert.Contains(services, d => d.ServiceType == typeof(IGatewayDispatchHandler) && d.ImplementationType == type));
        Assert.All(Concrete(typeof(IStepHandler)), type => Assert.True(Registered(services, typeof(IStepHandler), type), $"{type.Name} is not registered as a step"));
        foreach (var type in BotTypes.Where(t => t is { IsAbstract: false, IsInterface: false }))
        {
            foreach (var listener in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITrackEventListener<>)))
            {
                Assert.True(Registered(services, listener, type), $"{type.Name} is not registered as {listener.Name}<{listener.GenericTypeArguments[0].Name}>");
            }
        }
    }

    [Fact]
    public void EveryStep_HasExactlyOneHandler()
    {
        var services = BotRegistrations.Collection();
        var steps = Concrete(typeof(IStepHandler)).Where(type => Registered(services, typeof(IStepHandler), type)).ToList();

        Assert.Equal(Enum.GetValues<StepKind>().Length, steps.Count);
    }

    /// <summary>The bot's implementations of <paramref name="contract"/>, less decorators (which wrap another, e.g. the step counter).</summary>
    private static IEnumerable<Type> Concrete(Type contract) =>
        BotTypes.Where(t => t is { IsAbstract: false, IsInterface: false } && contract.IsAssignableFrom(t)
            && !t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Any(c => c.GetParameters().Any(p => p.ParameterType == contract)));

    /// <summary>
    /// Whether <paramref name="implementation"/> is registered for <paramref name="service"/>: directly, or forwarded to
    /// its own registration by a factory made in a generic registration method for it (<c>AddStep&lt;T&gt;</c>).
    /// </summary>
    private static bool Registered(IServiceCollection services, Type service, Type implementation) =>
        services.Any(d => d.ServiceType == service
            && (d.ImplementationType == implementation || d.ImplementationFactory?.Method.DeclaringType?.GetGenericArguments().Contains(implementation) == true));

    private static IEnumerable<string> Usages(string prefix, IReadOnlyList<ApplicationCommandOption> options)
    {
        var nested = options.Where(o => o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup).ToList();
        return nested.Count == 0
            ? [$"/{prefix}"]
            : nested.SelectMany(o => Usages($"{prefix} {o.Name}", o.Options ?? []));
    }
}
