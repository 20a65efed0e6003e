using ListeningClub.Bot.Features.Commands;
using ListeningClub.Bot.Features.Rendering;
using ListeningClub.Bot.Features.Rhythm;
using ListeningClub.Bot.Features.Voting;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Features.Club;

/// <summary>/club setup: creates a track, or changes the one with that name (options left out keep their value; a new track's time zone defaults to Club:DefaultTimeZone).</summary>
public sealed class ClubSetup(RhythmScheduler scheduler, Microsoft.Extensions.Options.IOptions<ClubDefaultsOptions> defaults) : IClubSubcommand
{
    private static readonly (string Name, string Value)[] Methods =
        [("Instant-runoff (ranked)", "instant-runoff"), ("Schulze (ranked, head-to-head)", "schulze"), ("Plurality (one vote)", "plurality"), ("Approval (any number)", "approval")];

    public static ApplicationCommandOption Definition { get; } = Options.Subcommand(
        "setup",
        "Create a track or change one",
        Options.Text("name", "Track name, e.g. Film Night", required: true, maxLength: Track.MaxNameLength),
        Options.Choice("kind", "Films or albums", true, ("Films", "film"), ("Albums", "album")),
        Options.Channel("channel", "Where the track posts", required: true),
        Options.Text("timezone", "IANA time zone, e.g. Europe/Berlin (default: the bot host's setting)", required: false, autocomplete: true, maxLength: 64),
        Options.Choice("method", "Voting method", false, Methods),
        Options.WholeNumber("cap", "Nominations per member per cycle (default 1)", min: 1, max: TrackRules.MaxNominationCap),
        Options.WholeNumber("carry-over", "Cycles an unpicked nomination stays (default 0)", min: 0, max: TrackRules.MaxCarryOverCycles),
        Options.WholeNumber("ballot-size", "Places on a ranked ballot (default 3)", min: TrackRules.MinBallotSize, max: TrackRules.MaxBallotSize),
        Options.YesNo("poll", "Plurality or approval in a text channel: vote with a Discord poll (2-10 candidates)"));

    public Task<IReadOnlyList<ApplicationCommandOptionChoice>?> AutocompleteAsync(ClubCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<ApplicationCommandOptionChoice>? choices = request.Context.FocusedOption?.Name == "timezone"
            ? TimeZones.Search(request.Context.FocusedOption.Value?.ToString(), 25).Select(z => ApplicationCommandOptionChoice.ForString(z, z)).ToList()
            : null;
        return Task.FromResult(choices);
    }

    public async Task<ClubOutcome> RunAsync(ClubCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        var kind = context.GetString("kind") == "album" ? MediaKind.Album : MediaKind.Film;
        var existing = request.Club?.Tracks.FirstOrDefault(t => string.Equals(t.Name, TextInput.Clean(context.GetString("name")), StringComparison.OrdinalIgnoreCase));
        var rules = existing?.Rules ?? TrackRules.Default;
        rules = rules with
        {
            VotingMethod = context.GetString("method") switch
            {
                "schulze" => VotingMethod.Schulze,
                "plurality" => VotingMethod.Plurality,
                "approval" => VotingMethod.Approval,
                "instant-runoff" => VotingMethod.InstantRunoff,
                _ => rules.VotingMethod,
            },
            NominationCapPerMember = (int)(context.GetInteger("cap") ?? rules.NominationCapPerMember),
            CarryOverCycles = (int)(context.GetInteger("carry-over") ?? rules.CarryOverCycles),
            BallotSize = (int)(context.GetInteger("ballot-size") ?? rules.BallotSize),
            NativePoll = context.GetBoolean("poll") ?? rules.NativePoll,
        };
        var channel = context.GetId("channel") ?? 0;
        var track = await request.Clubs.SetupTrackAsync(request.GuildId, context.GetString("name"), kind, channel, context.GetString("timezone") ?? existing?.TimeZoneId ?? defaults.Value.DefaultTimeZone, rules, ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        await scheduler.RunNowAsync(request.GuildId, track.Value.Id, ct).ConfigureAwait(false);
        var verb = existing is null ? "Created" : "Updated";
        return $"{verb} **{Markdown.Text(track.Value.Name)}** in <#{track.Value.ChannelId}>: {track.Value.ScheduleDescription}; {MethodNames.Of(track.Value.Rules.VotingMethod)}.";
    }
}
