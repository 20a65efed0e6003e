using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Export;
using ListeningClub.Bot.Features.Prompts;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace ListeningClub.Bot.Features.Club;

/// <summary>
/// /club …: the managers' commands, one <see cref="IClubSubcommand"/> each. Every call checks, at run time, that the
/// member has Manage Server or the club's manager role (<c>default_member_permissions</c> is only a hint that servers
/// can override); anyone else gets a clear refusal and nothing changes.
/// </summary>
public sealed class ClubCommand(ClubHandlerServices services, IServiceProvider provider) : ClubHandler(services), IInteractionHandler
{
    private static readonly ClubSubcommands Subcommands = new ClubSubcommands()
        .Add<ClubSetup>()
        .Add<ClubShow>()
        .Add<ClubOpenVoting>()
        .Add<ClubCloseVoting>()
        .Add<ClubVeto>()
        .Add<ClubManagerRole>()
        .Add<ClubPrompts>()
        .Add<ClubExport>()
        .Add<ClubBackup>()
        .Add<Schedule.ClubSchedule>()
        .Add<Schedule.ClubPause>()
        .Add<Schedule.ClubResume>()
        .Add<Schedule.ClubSkip>()
        .Add<Schedule.ClubAdvance>()
        .Add<Reminders.ClubReminderRole>();

    public static InteractionRoutes Routes { get; } = InteractionRoutes.ForCommand(new ApplicationCommand
    {
        Name = "club",
        Description = "Manage the club (managers only)",
        Contexts = [0],
        DefaultMemberPermissions = ManagerCheck.ManageGuild,
        Options = Subcommands.Definitions,
    }, deferEphemeral: true);

    public override async Task AutocompleteAsync(InteractionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Interaction.GuildId is { } guildId && Create(context) is { } subcommand)
        {
            var request = new ClubCall(context, guildId, await Clubs.GetAsync(guildId, ct).ConfigureAwait(false), Clubs);
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
            ? await subcommand.RunAsync(new ClubCall(context, guildId, club, Clubs), ct).ConfigureAwait(false)
            : new Problem("club.unknown", "Unknown /club command: Discord may still show an old list; try again in a minute.");
        if (outcome.Problem is { } problem)
        {
            await ReplyProblemAsync(context, problem, ct).ConfigureAwait(false);
            return;
        }

        await context.ReplyAsync(outcome.Reply!, ct).ConfigureAwait(false);
    }

    private IClubSubcommand? Create(InteractionContext context) =>
        Subcommands.TypeOf(context.CommandPath.ElementAtOrDefault(1)) is { } type
            ? (IClubSubcommand)ActivatorUtilities.CreateInstance(provider, type)
            : null;

    /// <summary>The subcommands by name, with their definitions in the order Discord shows them.</summary>
    private sealed class ClubSubcommands
    {
        private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);
        private readonly List<ApplicationCommandOption> _definitions = [];

        public IReadOnlyList<ApplicationCommandOption> Definitions => _definitions;

        public ClubSubcommands Add<T>()
            where T : IClubSubcommand
        {
            _types.Add(T.Definition.Name, typeof(T));
            _definitions.Add(T.Definition);
            return this;
        }

        public Type? TypeOf(string? name) => name is not null && _types.TryGetValue(name, out var type) ? type : null;
    }
}
