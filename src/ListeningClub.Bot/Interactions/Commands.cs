using ListeningClub.Discord.Hosting;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Interactions;

/// <summary>
/// A slash command for members: its definition (in <see cref="IRoutedInteractionHandler.Routes"/>) and its line in
/// /help live with its handler. Register it in its feature with <see cref="Commands.AddMemberCommand{T}"/>.
/// </summary>
public interface IMemberCommand : IRoutedInteractionHandler
{
    /// <summary>What the command does, in one line of /help (after its usage, which comes from the definition).</summary>
    static abstract string Help { get; }
}

/// <summary>One line of /help: how to call a command and what it does.</summary>
public sealed record HelpLine(bool ForManagers, string Usage, string Text);

/// <summary>A /club subcommand a feature contributes (see <see cref="ManagerCommand"/>).</summary>
public sealed record ManagerSubcommandRegistration(Type Type, ApplicationCommandOption Definition);

/// <summary>How features register their commands: one line each, in their own <c>…Feature.cs</c>.</summary>
public static class Commands
{
    /// <summary>A member command: routed, registered with Discord, and listed in /help.</summary>
    public static IServiceCollection AddMemberCommand<T>(this IServiceCollection services)
        where T : class, IMemberCommand
    {
        services.AddInteractionHandler<T>();
        services.AddSingleton(new HelpLine(ForManagers: false, Usage(T.Routes.Command!.Name, T.Routes.Command.Options), T.Help));
        return services;
    }

    /// <summary>A /club subcommand: part of /club's definition (in registration order) and listed in /help.</summary>
    public static IServiceCollection AddManagerSubcommand<T>(this IServiceCollection services)
        where T : class, IManagerSubcommand
    {
        services.AddSingleton(new ManagerSubcommandRegistration(typeof(T), T.Definition));
        services.AddSingleton(new HelpLine(ForManagers: true, Usage($"{ManagerCommand.Name} {T.Definition.Name}", T.Definition.Options), T.Help));
        return services;
    }

    /// <summary>The usage of a command: <c>`/name`</c>, or each of its subcommands (<c>`/remind on` or `/remind off`</c>).</summary>
    public static string Usage(string name, IReadOnlyList<ApplicationCommandOption>? options)
    {
        var subcommands = (options ?? []).Where(o => o.Type == ApplicationCommandOptionType.SubCommand).Select(o => $"`/{name} {o.Name}`").ToList();
        return subcommands.Count == 0 ? $"`/{name}`" : string.Join(" or ", subcommands);
    }
}
