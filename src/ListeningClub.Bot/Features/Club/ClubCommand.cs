using System.Globalization;
using System.Text;
using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Nominations;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Bot.Features.Voting;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Features.Club;

/// <summary>
/// /club …: the managers' commands. Every call checks, at run time, that the member has Manage Server or the club's
/// manager role (<c>default_member_permissions</c> is only a hint that servers can override); anyone else gets a
/// clear refusal and nothing changes.
/// </summary>
public sealed class ClubCommand(ClubHandlerServices services, NominationService nominations, TrackRhythm rhythm, RhythmScheduler scheduler)
    : ClubHandler(services), IInteractionHandler
{
    private static readonly (string Name, string Value)[] Methods =
        [("Instant-runoff (ranked)", "instant-runoff"), ("Schulze (ranked, head-to-head)", "schulze"), ("Plurality (one vote)", "plurality"), ("Approval (any number)", "approval")];

    public static InteractionRoutes Routes { get; } = InteractionRoutes.ForCommand(new ApplicationCommand
    {
        Name = "club",
        Description = "Manage the club (managers only)",
        Contexts = [0],
        DefaultMemberPermissions = ManagerCheck.ManageGuild,
        Options =
        [
            Options.Subcommand(
                "setup",
                "Create a track or change one",
                Options.Text("name", "Track name, e.g. Film Night", required: true, maxLength: Track.MaxNameLength),
                Options.Choice("kind", "Films or albums", true, ("Films", "film"), ("Albums", "album")),
                Options.Channel("channel", "Where the track posts", required: true),
                Options.Text("timezone", "IANA time zone, e.g. Europe/Berlin", required: true, autocomplete: true, maxLength: 64),
                Options.Choice("method", "Voting method", false, Methods),
                Options.WholeNumber("cap", "Nominations per member per cycle (default 1)", min: 1, max: TrackRules.MaxNominationCap),
                Options.WholeNumber("carry-over", "Cycles an unpicked nomination stays (default 0)", min: 0, max: TrackRules.MaxCarryOverCycles),
                Options.WholeNumber("ballot-size", "Places on a ranked ballot (default 3)", min: TrackRules.MinBallotSize, max: TrackRules.MaxBallotSize)),
            Options.Subcommand("show", "The club's tracks and settings"),
            Options.Subcommand("open-voting", "Close nominations and open voting now", Options.Track()),
            Options.Subcommand("close-voting", "Close voting and announce the pick now", Options.Track()),
            Options.Subcommand(
                "veto",
                "Remove a nomination, with a reason the nominator sees",
                Options.Text("nomination", "Which nomination", required: true, autocomplete: true),
                Options.Text("reason", "Why", required: true, maxLength: NominationRules.MaxVetoReasonLength),
                Options.Track()),
            Options.Subcommand("manager-role", "Members with this role may manage the club", Options.Role("role", "The manager role", required: true)),
        ],
    }, deferEphemeral: true);

    public override async Task AutocompleteAsync(InteractionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (context.FocusedOption?.Name)
        {
            case "timezone":
                var zones = TimeZones.Search(context.FocusedOption.Value?.ToString(), 25);
                await context.AutocompleteAsync(zones.Select(z => ApplicationCommandOptionChoice.ForString(z, z)).ToList(), ct).ConfigureAwait(false);
                return;
            case "nomination" when context.Interaction.GuildId is { } guildId:
                var club = await Clubs.GetAsync(guildId, ct).ConfigureAwait(false);
                await context.AutocompleteAsync(await NominationChoices.CurrentAsync(club, nominations, _ => true, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                return;
            default:
                await base.AutocompleteAsync(context, ct).ConfigureAwait(false);
                return;
        }
    }

    protected override async Task ExecuteAsync(InteractionContext context, ulong guildId, ulong memberId, CancellationToken ct)
    {
        var club = await Clubs.GetAsync(guildId, ct).ConfigureAwait(false);
        if (!ManagerCheck.IsManager(context.Interaction.Member, club?.ManagerRoleId))
        {
            await context.ReplyAsync(InteractionReply.Text(ManagerCheck.Refusal, ephemeral: true), ct).ConfigureAwait(false);
            return;
        }

        var reply = context.CommandPath.ElementAtOrDefault(1) switch
        {
            "setup" => await SetupAsync(context, guildId, ct).ConfigureAwait(false),
            "show" => Show(club),
            "open-voting" => await OpenVotingAsync(context, guildId, ct).ConfigureAwait(false),
            "close-voting" => await CloseVotingAsync(context, guildId, ct).ConfigureAwait(false),
            "veto" => await VetoAsync(context, guildId, ct).ConfigureAwait(false),
            "manager-role" => await ManagerRoleAsync(context, guildId, ct).ConfigureAwait(false),
            _ => new Problem("club.unknown", "Unknown /club command."),
        };
        if (!reply.IsSuccess)
        {
            await ReplyProblemAsync(context, reply.Problem!, ct).ConfigureAwait(false);
            return;
        }

        await context.ReplyAsync(InteractionReply.Text(reply.Value, ephemeral: true), ct).ConfigureAwait(false);
    }

    private async Task<Result<string>> SetupAsync(InteractionContext context, ulong guildId, CancellationToken ct)
    {
        var kind = context.GetString("kind") == "album" ? MediaKind.Album : MediaKind.Film;
        var club = await Clubs.GetAsync(guildId, ct).ConfigureAwait(false);
        var existing = club?.Tracks.FirstOrDefault(t => string.Equals(t.Name, TextInput.Clean(context.GetString("name")), StringComparison.OrdinalIgnoreCase));
        var rules = (existing?.Rules ?? TrackRules.Default) with
        {
            VotingMethod = context.GetString("method") switch
            {
                "schulze" => VotingMethod.Schulze,
                "plurality" => VotingMethod.Plurality,
                "approval" => VotingMethod.Approval,
                "instant-runoff" => VotingMethod.InstantRunoff,
                _ => existing?.Rules.VotingMethod ?? TrackRules.Default.VotingMethod,
            },
        };
        rules = rules with
        {
            NominationCapPerMember = (int)(context.GetInteger("cap") ?? rules.NominationCapPerMember),
            CarryOverCycles = (int)(context.GetInteger("carry-over") ?? rules.CarryOverCycles),
            BallotSize = (int)(context.GetInteger("ballot-size") ?? rules.BallotSize),
        };
        var channel = context.GetId("channel") ?? 0;
        var track = await Clubs.SetupTrackAsync(guildId, context.GetString("name"), kind, channel, context.GetString("timezone"), rules, ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        await scheduler.RunNowAsync(guildId, track.Value.Id, ct).ConfigureAwait(false);
        var verb = existing is null ? "Created" : "Updated";
        return $"{verb} **{Markdown.Text(track.Value.Name)}** in <#{track.Value.ChannelId}>: {track.Value.ScheduleDescription}; {MethodNames.Of(track.Value.Rules.VotingMethod)}.";
    }

    private static Result<string> Show(Domain.Clubs.Club? club)
    {
        if (club is null || club.Tracks.Count == 0)
        {
            return new Problem("club.none", "This server has no club yet. Start one with /club setup.");
        }

        var text = new StringBuilder();
        foreach (var t in club.Tracks)
        {
            text.Append(CultureInfo.InvariantCulture, $"**{Markdown.Text(t.Name)}** ({t.Kind.ToString().ToLowerInvariant()}s) in <#{t.ChannelId}>\n");
            text.Append(CultureInfo.InvariantCulture, $"▫️ {t.ScheduleDescription}\n▫️ {MethodNames.Of(t.Rules.VotingMethod)}, ballot size {t.Rules.BallotSize}\n");
            text.Append(CultureInfo.InvariantCulture, $"▫️ {t.Rules.NominationCapPerMember} nomination(s) per member, carry-over {t.Rules.CarryOverCycles}, past picks {(t.Rules.AllowPastPicks ? "allowed" : "not allowed")}\n");
        }

        text.Append(club.ManagerRoleId is { } role ? $"Manager role: <@&{role}>" : "Manager role: none (members with Manage Server manage the club)");
        return text.ToString();
    }

    private async Task<Result<string>> OpenVotingAsync(InteractionContext context, ulong guildId, CancellationToken ct)
    {
        var track = await TrackAsync(context, guildId, null, ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        var opened = await rhythm.OpenVotingNowAsync(track.Value, ct).ConfigureAwait(false);
        if (!opened.IsSuccess)
        {
            return opened.Problem!;
        }

        await scheduler.RunNowAsync(guildId, track.Value.Id, ct).ConfigureAwait(false);
        return $"Voting is open for **{Markdown.Text(track.Value.Name)}**.";
    }

    private async Task<Result<string>> CloseVotingAsync(InteractionContext context, ulong guildId, CancellationToken ct)
    {
        var track = await TrackAsync(context, guildId, null, ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        var closed = await rhythm.CloseVotingNowAsync(track.Value, ct).ConfigureAwait(false);
        if (!closed.IsSuccess)
        {
            return closed.Problem!;
        }

        await scheduler.RunNowAsync(guildId, track.Value.Id, ct).ConfigureAwait(false);
        return $"Announced: **{Markdown.MediaName(closed.Value.Pick.Media)}**.";
    }

    private async Task<Result<string>> VetoAsync(InteractionContext context, ulong guildId, CancellationToken ct)
    {
        if (!NominationId.TryParse(context.GetString("nomination"), out var id))
        {
            return new Problem("veto.pick", "Choose the nomination from the list that appears as you type.");
        }

        var track = await TrackAsync(context, guildId, null, ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        var vetoed = await nominations.VetoAsync(track.Value, id, context.GetString("reason"), ct).ConfigureAwait(false);
        return vetoed.IsSuccess
            ? $"Vetoed {Markdown.MediaName(vetoed.Value.Media)} (nominated by {Markdown.Member(vetoed.Value.MemberId)})."
            : vetoed.Problem!;
    }

    private async Task<Result<string>> ManagerRoleAsync(InteractionContext context, ulong guildId, CancellationToken ct)
    {
        var role = context.GetId("role");
        await Clubs.SetManagerRoleAsync(guildId, role, ct).ConfigureAwait(false);
        return $"Members with <@&{role}> can now manage the club.";
    }
}
