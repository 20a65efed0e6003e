using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Interactions;

/// <summary>
/// /club …: the managers' commands, one <see cref="IManagerSubcommand"/> each, contributed by the features
/// (<see cref="Commands.AddManagerSubcommand{T}"/>). Every call checks, at run time, that the member has Manage Server
/// or the club's manager role (<c>default_member_permissions</c> is only a hint that servers can override); anyone
/// else gets a clear refusal and nothing changes.
/// </summary>
public sealed class ManagerCommand(MemberCommandServices services, IEnumerable<ManagerSubcommandRegistration> subcommands, IServiceProvider provider)
    : MemberCommandHandler(services), IInteractionHandler
{
    public const string Name = "club";

    /// <summary>/club's routes: its definition holds the registered subcommands, in the order they were registered.</summary>
    public static InteractionRoutes RoutesFor(IEnumerable<ManagerSubcommandRegistration> subcommands) => InteractionRoutes.ForCommand(new ApplicationCommand
    {
        Name = Name,
        Description = "Manage the club (managers only)",
        Contexts = [0],
        DefaultMemberPermissions = ManagerCheck.ManageGuild,
        Options = [.. subcommands.Select(s => s.Definition)],
    }, deferEphemeral: true);

    public override async Task AutocompleteAsync(InteractionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Interaction.GuildId is { } guildId && Create(context) is { } subcommand)
        {
            var request = new ManagerCall(context, guildId, await Clubs.GetAsync(guildId, ct).ConfigureAwait(false), Clubs);
            if (await subcommand.AutocompleteAsync(request, ct).ConfigureAwait(false) is { } choices)
            {
                await context.AutocompleteAsync(choices, ct).ConfigureAwait(false);
                return;
            }
        }

        await base.AutocompleteAsync(context, ct).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        var club = await Clubs.GetAsync(guildId, ct).ConfigureAwait(false);
        if (!ManagerCheck.IsManager(context.Interaction.Member, club?.ManagerRoleId))
        {
            await context.ReplyAsync(InteractionReply.Text(ManagerCheck.Refusal, ephemeral: true), ct).ConfigureAwait(false);
            return;
        }

        var outcome = Create(context) is { } subcommand
            ? await subcommand.RunAsync(new ManagerCall(context, guildId, club, Clubs), ct).ConfigureAwait(false)
            : new Problem("club.unknown", "Unknown /club command: Discord may still show an old list; try again in a minute.");
        if (outcome.Problem is { } problem)
        {
            await ReplyProblemAsync(context, problem, ct).ConfigureAwait(false);
            return;
        }

        await context.ReplyAsync(outcome.Reply!, ct).ConfigureAwait(false);
    }

    private IManagerSubcommand? Create(InteractionContext context) =>
        context.CommandPath.ElementAtOrDefault(1) is { } name && subcommands.FirstOrDefault(s => s.Definition.Name == name) is { } registration
            ? (IManagerSubcommand)ActivatorUtilities.CreateInstance(provider, registration.Type)
            : null;
}
