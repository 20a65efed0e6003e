using ListeningClub.Application.Steps;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Posting;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Features.Setup;

/// <summary>
/// /club setup: creates a track, or changes the one with that name (options left out keep their value; a new track's
/// time zone defaults to Club:DefaultTimeZone). The channel must be a text or forum channel of this server (the router
/// checks that) where the bot may do everything the track's posts need (checked here, before anything is saved).
/// </summary>
public sealed class ClubSetup(ITrackTrigger trigger, ChannelAccess channels, Microsoft.Extensions.Options.IOptions<ClubDefaultsOptions> defaults) : IManagerSubcommand
{
    private static readonly Choices<MediaKind> Kinds = new(("Films", "film", MediaKind.Film), ("Albums", "album", MediaKind.Album));

    private static readonly Choices<VotingMethod> Methods = new(
        ("Instant-runoff (ranked)", "instant-runoff", VotingMethod.InstantRunoff),
        ("Schulze (ranked, head-to-head)", "schulze", VotingMethod.Schulze),
        ("Plurality (one vote)", "plurality", VotingMethod.Plurality),
        ("Approval (any number)", "approval", VotingMethod.Approval));

    public static string Help => "create or change a track: channel (a text or forum channel I can post in), kind, time zone, voting method (optionally as a Discord poll), rules";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Subcommand(
        "setup",
        "Create a track or change one",
        CommandOptions.Text("name", "Track name, e.g. Film Night", required: true, maxLength: Track.MaxNameLength),
        Kinds.Option("kind", "Films or albums", required: true),
        CommandOptions.Channel("channel", "Where the track posts", required: true),
        CommandOptions.Text("timezone", "IANA time zone, e.g. Europe/Berlin (default: the bot host's setting)", required: false, autocomplete: true, maxLength: 64),
        Methods.Option("method", "Voting method", required: false),
        CommandOptions.WholeNumber("cap", "Nominations per member per cycle (default 1)", min: 1, max: TrackRules.MaxNominationCap),
        CommandOptions.WholeNumber("carry-over", "Cycles an unpicked nomination stays (default 0)", min: 0, max: TrackRules.MaxCarryOverCycles),
        CommandOptions.WholeNumber("ballot-size", "Places on a ranked ballot (default 3)", min: TrackRules.MinBallotSize, max: TrackRules.MaxBallotSize),
        CommandOptions.YesNo("poll", "Plurality or approval in a text channel: vote with a Discord poll (2-10 candidates)"));

    /// <summary>
    /// What a track's posts need in its channel (see <see cref="TrackPosts"/>): in a text channel, messages with embeds
    /// and a discussion thread started from the announcement; in a forum, a post per step and messages in those posts;
    /// the vote as a Discord poll when the track votes with one.
    /// </summary>
    public static DiscordPermissions PostingNeeds(ChannelType type, bool poll) =>
        DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages | DiscordPermissions.EmbedLinks | DiscordPermissions.SendMessagesInThreads
        | (type == ChannelType.GuildForum ? DiscordPermissions.None : DiscordPermissions.CreatePublicThreads)
        | (poll ? DiscordPermissions.SendPolls : DiscordPermissions.None);

    public Task<IReadOnlyList<ApplicationCommandOptionChoice>?> AutocompleteAsync(ManagerCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<ApplicationCommandOptionChoice>? choices = request.Context.FocusedOption?.Name == "timezone"
            ? TimeZones.Search(request.Context.FocusedOption.Value?.ToString(), 25).Select(z => ApplicationCommandOptionChoice.ForString(z, z)).ToList()
            : null;
        return Task.FromResult(choices);
    }

    public async Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        var kind = Kinds.Read(context, "kind") ?? throw new InvalidOperationException("kind is a required option.");
        var existing = request.Club?.Tracks.FirstOrDefault(t => string.Equals(t.Name, TextInput.Clean(context.GetString("name")), StringComparison.OrdinalIgnoreCase));
        var rules = existing?.Rules ?? TrackRules.Default;
        rules = rules with
        {
            VotingMethod = Methods.Read(context, "method") ?? rules.VotingMethod,
            NominationCapPerMember = (int)(context.GetInteger("cap") ?? rules.NominationCapPerMember),
            CarryOverCycles = (int)(context.GetInteger("carry-over") ?? rules.CarryOverCycles),
            BallotSize = (int)(context.GetInteger("ballot-size") ?? rules.BallotSize),
            NativePoll = context.GetBoolean("poll") ?? rules.NativePoll,
        };

        // The router made sure it is a text or forum channel of this server.
        var channel = context.GetChannel("channel") ?? throw new InvalidOperationException("channel is a required option.");
        if (await channels.MissingAsync(context, channel.Id, PostingNeeds(channel.Type, rules.NativePoll), "post the track's messages", ct).ConfigureAwait(false) is { } missing)
        {
            return missing;
        }

        var track = await request.Clubs.SetupTrackAsync(request.GuildId, context.GetString("name"), kind, channel.Id, context.GetString("timezone") ?? existing?.TimeZoneId ?? defaults.Value.DefaultTimeZone, rules, ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        await trigger.RunNowAsync(request.GuildId, track.Value.Id, ct).ConfigureAwait(false);
        var verb = existing is null ? "Created" : "Updated";
        return $"{verb} **{Markdown.Text(track.Value.Name)}** in <#{track.Value.ChannelId}>: {track.Value.ScheduleDescription}; {MethodNames.Of(track.Value.Rules.VotingMethod)}.";
    }
}
