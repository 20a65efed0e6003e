using ListeningClub.Bot.Hosting;
using ListeningClub.Bot.Interactions;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>What the bot registers, read from its real composition (nothing is started): its commands and /help.</summary>
public static class BotRegistrations
{
    private static readonly Lazy<IServiceProvider> Provider = new(() => UnstartedHost.Build(new Dictionary<string, string?>()).Services);

    public static IServiceCollection Collection()
    {
        var services = new ServiceCollection();
        services.AddListeningClub(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        return services;
    }

    /// <summary>Every interaction handler registration (commands, components, modals).</summary>
    public static IReadOnlyList<InteractionHandlerRegistration> Handlers => [.. Provider.Value.GetServices<InteractionHandlerRegistration>()];

    /// <summary>Every slash command, as registered with Discord.</summary>
    public static IReadOnlyList<ApplicationCommand> Commands => [.. Handlers.Select(h => h.Routes.Command).OfType<ApplicationCommand>().Where(c => c.Type is null or ApplicationCommandType.ChatInput)];

    /// <summary>/club's definition, with every subcommand the features contribute.</summary>
    public static ApplicationCommand ManagerCommand => Commands.Single(c => c.Name == Bot.Interactions.ManagerCommand.Name);

    /// <summary>The lines of /help.</summary>
    public static IReadOnlyList<HelpLine> HelpLines => [.. Provider.Value.GetServices<HelpLine>()];
}
