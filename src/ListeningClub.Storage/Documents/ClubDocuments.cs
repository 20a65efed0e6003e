using LiteDB;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Schedule;
using ListeningClub.Domain.Voting;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Documents;

/// <summary>A club document (_id = guild id) with its tracks embedded.</summary>
internal static class ClubDocuments
{
    /// <summary>The web archive's slug (absent or null while the archive is off); indexed by migration 3.</summary>
    public const string ArchiveSlugField = "archiveSlug";

    public static BsonDocument ToDocument(Club club)
    {
        ArgumentNullException.ThrowIfNull(club);
        var tracks = new BsonArray();
        foreach (var track in club.Tracks)
        {
            tracks.Add(TrackToDocument(track));
        }

        return new BsonDocument
        {
            ["_id"] = Bson.FromId(club.GuildId),
            ["managerRoleId"] = Bson.FromOptionalId(club.ManagerRoleId),
            [ArchiveSlugField] = club.ArchiveSlug is { } slug ? new BsonValue(slug) : BsonValue.Null,
            ["tracks"] = tracks,
        };
    }

    public static Club FromDocument(BsonDocument document)
    {
        var guildId = Bson.ToId(document["_id"]);
        var tracks = document["tracks"].AsArray.Select(track => TrackFromDocument(track.AsDocument, guildId)).ToList();
        return new Club
        {
            GuildId = guildId,
            ManagerRoleId = Bson.ToOptionalId(Bson.Get(document, "managerRoleId")),
            ArchiveSlug = Bson.Get(document, ArchiveSlugField) is { IsString: true } slug ? slug.AsString : null,
            Tracks = tracks,
        };
    }

    private static BsonDocument TrackToDocument(Track track) => new()
    {
        ["id"] = track.Id.Value,
        ["name"] = track.Name,
        ["kind"] = Bson.FromEnum(track.Kind),
        ["channelId"] = Bson.FromId(track.ChannelId),
        ["channelKind"] = track.ChannelKind is { } channelKind ? Bson.FromEnum(channelKind) : BsonValue.Null,
        ["timeZoneId"] = track.TimeZoneId,
        ["rhythm"] = ScheduleToDocument(track.Schedule),
        ["reminderRoleId"] = Bson.FromOptionalId(track.ReminderRoleId),
        ["dmReminderMembers"] = new BsonArray(track.DmReminderMembers.Select(Bson.FromId)),
        ["rules"] = new BsonDocument
        {
            ["nominationCap"] = track.Rules.NominationCapPerMember,
            ["carryOverCycles"] = track.Rules.CarryOverCycles,
            ["allowPastPicks"] = track.Rules.AllowPastPicks,
            ["votingMethod"] = Bson.FromEnum(track.Rules.VotingMethod),
            ["ballotSize"] = track.Rules.BallotSize,
            ["nativePoll"] = track.Rules.NativePoll,
        },
    };

    private static Track TrackFromDocument(BsonDocument document, ulong guildId)
    {
        var rules = document["rules"].AsDocument;
        return new Track
        {
            Id = new TrackId(document["id"].AsGuid),
            GuildId = guildId,
            Name = document["name"].AsString,
            Kind = Bson.ToEnum<MediaKind>(document["kind"]),
            ChannelId = Bson.ToId(document["channelId"]),
            ChannelKind = Bson.Get(document, "channelKind") is { IsNull: false } channelKind ? Bson.ToEnum<TrackChannelKind>(channelKind) : null,
            TimeZoneId = document["timeZoneId"].AsString,
            Schedule = Bson.Get(document, "rhythm") is { IsDocument: true } rhythm ? ScheduleFromDocument(rhythm.AsDocument) : TrackSchedule.Weekly,
            ReminderRoleId = Bson.ToOptionalId(Bson.Get(document, "reminderRoleId")),
            DmReminderMembers = Bson.Get(document, "dmReminderMembers") is { IsArray: true } dms ? dms.AsArray.Select(Bson.ToId).ToList() : [],
            Rules = new TrackRules
            {
                NominationCapPerMember = rules["nominationCap"].AsInt32,
                CarryOverCycles = rules["carryOverCycles"].AsInt32,
                AllowPastPicks = rules["allowPastPicks"].AsBoolean,
                VotingMethod = Bson.ToEnum<VotingMethod>(rules["votingMethod"]),
                BallotSize = rules["ballotSize"].AsInt32,
                NativePoll = Bson.Get(rules, "nativePoll") is { IsBoolean: true } nativePoll && nativePoll.AsBoolean,
            },
        };
    }

    private static BsonDocument ScheduleToDocument(TrackSchedule schedule) => new()
    {
        ["everyWeeks"] = schedule.EveryWeeks,
        ["nominationsOpen"] = WeeklyToDocument(schedule.NominationsOpen),
        ["votingOpens"] = WeeklyToDocument(schedule.VotingOpens),
        ["votingCloses"] = WeeklyToDocument(schedule.VotingCloses),
        ["promptDays"] = new BsonArray(schedule.PromptDays.Select(d => new BsonValue(d))),
        ["promptMinute"] = schedule.PromptTime.Hour * 60 + schedule.PromptTime.Minute,
        ["reminderMinutes"] = new BsonArray(schedule.VotingReminders.Select(r => new BsonValue((int)r.TotalMinutes))),
        ["paused"] = schedule.Paused,
        ["party"] = schedule.Party is { } party ? WeeklyToDocument(party) : BsonValue.Null,
        ["partyReminderMinutes"] = new BsonArray(schedule.PartyReminders.Select(r => new BsonValue((int)r.TotalMinutes))),
        ["partyEvent"] = schedule.PartyEvent,
    };

    private static TrackSchedule ScheduleFromDocument(BsonDocument document) => new()
    {
        EveryWeeks = document["everyWeeks"].AsInt32,
        NominationsOpen = WeeklyFromDocument(document["nominationsOpen"].AsDocument),
        VotingOpens = WeeklyFromDocument(document["votingOpens"].AsDocument),
        VotingCloses = WeeklyFromDocument(document["votingCloses"].AsDocument),
        PromptDays = document["promptDays"].AsArray.Select(d => d.AsInt32).ToList(),
        PromptTime = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(document["promptMinute"].AsInt32)),
        VotingReminders = document["reminderMinutes"].AsArray.Select(m => TimeSpan.FromMinutes(m.AsInt32)).ToList(),
        Paused = document["paused"].AsBoolean,
        Party = Bson.Get(document, "party") is { IsDocument: true } party ? WeeklyFromDocument(party.AsDocument) : null,
        PartyReminders = Bson.Get(document, "partyReminderMinutes") is { IsArray: true } minutes
            ? minutes.AsArray.Select(m => TimeSpan.FromMinutes(m.AsInt32)).ToList()
            : TrackSchedule.Weekly.PartyReminders,
        PartyEvent = Bson.Get(document, "partyEvent") is { IsBoolean: true } partyEvent && partyEvent.AsBoolean,
    };

    private static BsonDocument WeeklyToDocument(WeeklyTime weekly) => new()
    {
        ["day"] = (int)weekly.Day,
        ["minute"] = weekly.Time.Hour * 60 + weekly.Time.Minute,
    };

    private static WeeklyTime WeeklyFromDocument(BsonDocument document) =>
        new((DayOfWeek)document["day"].AsInt32, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(document["minute"].AsInt32)));
}
