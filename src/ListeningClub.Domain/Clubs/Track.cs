using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Domain.Clubs;

/// <summary>Where a track posts: a text channel (posts, threads from them) or a forum (each announcement a forum post).</summary>
public enum TrackChannelKind
{
    Text = 0,
    Forum = 1,
}

/// <summary>One strand of a club (e.g. "Film Night"): its own channel, time zone, schedule and rules.</summary>
public sealed record Track
{
    public const int MaxNameLength = 50;

    public required TrackId Id { get; init; }

    public required ulong GuildId { get; init; }

    public required string Name { get; init; }

    public required MediaKind Kind { get; init; }

    public required ulong ChannelId { get; init; }

    /// <summary>Whether <see cref="ChannelId"/> is a text or a forum channel; null until the bot has looked.</summary>
    public TrackChannelKind? ChannelKind { get; init; }

    /// <summary>IANA time zone id (e.g. "Europe/Berlin"); schedules and messages use it.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>When the track's steps happen by themselves, in <see cref="TimeZoneId"/>.</summary>
    public TrackSchedule Schedule { get; init; } = TrackSchedule.Weekly;

    /// <summary>How the schedule reads to members.</summary>
    public string ScheduleDescription => Schedule.Describe(TimeZoneId);

    public TrackRules Rules { get; init; } = TrackRules.Default;

    /// <summary>The opt-in role the track's reminders ping (members join it with /remind on or the Remind me button); null for none.</summary>
    public ulong? ReminderRoleId { get; init; }

    /// <summary>Members who asked for reminders by direct message too.</summary>
    public IReadOnlyList<ulong> DmReminderMembers { get; init; } = [];

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Tracks are values: two with the same settings are equal, whichever list instances hold them.</summary>
    public bool Equals(Track? other) =>
        other is not null
        && Id == other.Id
        && GuildId == other.GuildId
        && Name == other.Name
        && Kind == other.Kind
        && ChannelId == other.ChannelId
        && ChannelKind == other.ChannelKind
        && TimeZoneId == other.TimeZoneId
        && Schedule == other.Schedule
        && Rules == other.Rules
        && ReminderRoleId == other.ReminderRoleId
        && DmReminderMembers.SequenceEqual(other.DmReminderMembers);

    public override int GetHashCode() => HashCode.Combine(Id, GuildId, Name, ChannelId, Schedule, Rules, ReminderRoleId, DmReminderMembers.Count);

    /// <summary>Creates a track after checking its name, time zone and rules.</summary>
    public static Result<Track> Create(ulong guildId, string? name, MediaKind kind, ulong channelId, string? timeZoneId, TrackRules? rules = null, TrackSchedule? schedule = null)
    {
        var cleanName = TextInput.Required(name, "track name", MaxNameLength);
        if (!cleanName.IsSuccess)
        {
            return cleanName.Problem!;
        }

        var zone = TimeZones.Resolve(timeZoneId);
        if (!zone.IsSuccess)
        {
            return zone.Problem!;
        }

        var checkedRules = (rules ?? TrackRules.Default).Validate();
        if (!checkedRules.IsSuccess)
        {
            return checkedRules.Problem!;
        }

        var checkedSchedule = (schedule ?? TrackSchedule.Weekly).Validate();
        if (!checkedSchedule.IsSuccess)
        {
            return checkedSchedule.Problem!;
        }

        if (!Enum.IsDefined(kind))
        {
            return new Problem("track.kind", "A track is for films or for albums.");
        }

        return new Track
        {
            Id = TrackId.New(),
            GuildId = guildId,
            Name = cleanName.Value,
            Kind = kind,
            ChannelId = channelId,
            TimeZoneId = zone.Value,
            Rules = checkedRules.Value,
            Schedule = checkedSchedule.Value,
        };
    }
}
