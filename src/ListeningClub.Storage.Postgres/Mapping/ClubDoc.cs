using System.Text.Json;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Schedule;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Storage.Postgres.Mapping;

/// <summary>A club row's document: the manager role and the tracks (the guild id and the archive slug are columns).</summary>
internal static class ClubDoc
{
    public static string Write(Club club) => Doc.Write(w =>
    {
        w.OptionalId("managerRoleId", club.ManagerRoleId);
        w.WriteStartArray("tracks");
        foreach (var track in club.Tracks)
        {
            w.WriteStartObject();
            WriteTrack(w, track);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static Club Read(ulong guildId, string? archiveSlug, string json) => Doc.Read(json, root => new Club
    {
        GuildId = guildId,
        ManagerRoleId = root.OptionalId("managerRoleId"),
        ArchiveSlug = archiveSlug,
        Tracks = root.GetProperty("tracks").EnumerateArray().Select(track => ReadTrack(track, guildId)).ToList(),
    });

    private static void WriteTrack(Utf8JsonWriter w, Track track)
    {
        w.WriteString("id", track.Id.Value);
        w.WriteString("name", track.Name);
        w.Enum("kind", track.Kind);
        w.WriteNumber("channelId", track.ChannelId);
        if (track.ChannelKind is { } channelKind)
        {
            w.Enum("channelKind", channelKind);
        }
        else
        {
            w.WriteNull("channelKind");
        }

        w.WriteString("timeZoneId", track.TimeZoneId);
        w.WriteStartObject("rhythm");
        WriteSchedule(w, track.Schedule);
        w.WriteEndObject();
        w.OptionalId("reminderRoleId", track.ReminderRoleId);
        w.WriteStartArray("dmReminderMembers");
        foreach (var member in track.DmReminderMembers)
        {
            w.WriteNumberValue(member);
        }

        w.WriteEndArray();
        w.WriteStartObject("rules");
        w.WriteNumber("nominationCap", track.Rules.NominationCapPerMember);
        w.WriteNumber("carryOverCycles", track.Rules.CarryOverCycles);
        w.WriteBoolean("allowPastPicks", track.Rules.AllowPastPicks);
        w.Enum("votingMethod", track.Rules.VotingMethod);
        w.WriteNumber("ballotSize", track.Rules.BallotSize);
        w.WriteBoolean("nativePoll", track.Rules.NativePoll);
        w.WriteEndObject();
    }

    private static Track ReadTrack(JsonElement e, ulong guildId)
    {
        var rules = e.GetProperty("rules");
        return new Track
        {
            Id = new TrackId(e.Guid("id")),
            GuildId = guildId,
            Name = e.Text("name"),
            Kind = e.Enum<MediaKind>("kind"),
            ChannelId = e.Id("channelId"),
            ChannelKind = e.Get("channelKind").IsAbsentOrNull() ? null : e.Enum<TrackChannelKind>("channelKind"),
            TimeZoneId = e.Text("timeZoneId"),
            Schedule = ReadSchedule(e.GetProperty("rhythm")),
            ReminderRoleId = e.OptionalId("reminderRoleId"),
            DmReminderMembers = e.GetProperty("dmReminderMembers").EnumerateArray().Select(m => m.GetUInt64()).ToList(),
            Rules = new TrackRules
            {
                NominationCapPerMember = rules.Int("nominationCap"),
                CarryOverCycles = rules.Int("carryOverCycles"),
                AllowPastPicks = rules.Bool("allowPastPicks"),
                VotingMethod = rules.Enum<VotingMethod>("votingMethod"),
                BallotSize = rules.Int("ballotSize"),
                NativePoll = rules.Bool("nativePoll"),
            },
        };
    }

    private static void WriteSchedule(Utf8JsonWriter w, TrackSchedule schedule)
    {
        w.WriteNumber("everyWeeks", schedule.EveryWeeks);
        WriteWeekly(w, "nominationsOpen", schedule.NominationsOpen);
        WriteWeekly(w, "votingOpens", schedule.VotingOpens);
        WriteWeekly(w, "votingCloses", schedule.VotingCloses);
        w.WriteStartArray("promptDays");
        foreach (var day in schedule.PromptDays)
        {
            w.WriteNumberValue(day);
        }

        w.WriteEndArray();
        w.WriteNumber("promptTicks", schedule.PromptTime.Ticks);
        WriteSpans(w, "reminderTicks", schedule.VotingReminders);
        w.WriteBoolean("paused", schedule.Paused);
        if (schedule.Party is { } party)
        {
            WriteWeekly(w, "party", party);
        }
        else
        {
            w.WriteNull("party");
        }

        WriteSpans(w, "partyReminderTicks", schedule.PartyReminders);
        w.WriteBoolean("partyEvent", schedule.PartyEvent);
    }

    private static TrackSchedule ReadSchedule(JsonElement e) => new()
    {
        EveryWeeks = e.Int("everyWeeks"),
        NominationsOpen = ReadWeekly(e.GetProperty("nominationsOpen")),
        VotingOpens = ReadWeekly(e.GetProperty("votingOpens")),
        VotingCloses = ReadWeekly(e.GetProperty("votingCloses")),
        PromptDays = e.GetProperty("promptDays").EnumerateArray().Select(d => d.GetInt32()).ToList(),
        PromptTime = new TimeOnly(e.GetProperty("promptTicks").GetInt64()),
        VotingReminders = ReadSpans(e.GetProperty("reminderTicks")),
        Paused = e.Bool("paused"),
        Party = e.Get("party").IsAbsentOrNull() ? null : ReadWeekly(e.GetProperty("party")),
        PartyReminders = ReadSpans(e.GetProperty("partyReminderTicks")),
        PartyEvent = e.Bool("partyEvent"),
    };

    private static void WriteWeekly(Utf8JsonWriter w, string name, WeeklyTime weekly)
    {
        w.WriteStartObject(name);
        w.WriteNumber("day", (int)weekly.Day);
        w.WriteNumber("ticks", weekly.Time.Ticks);
        w.WriteEndObject();
    }

    private static WeeklyTime ReadWeekly(JsonElement e) => new((DayOfWeek)e.Int("day"), new TimeOnly(e.GetProperty("ticks").GetInt64()));

    private static void WriteSpans(Utf8JsonWriter w, string name, IEnumerable<TimeSpan> spans)
    {
        w.WriteStartArray(name);
        foreach (var span in spans)
        {
            w.WriteNumberValue(span.Ticks);
        }

        w.WriteEndArray();
    }

    private static List<TimeSpan> ReadSpans(JsonElement e) => e.EnumerateArray().Select(t => TimeSpan.FromTicks(t.GetInt64())).ToList();
}
