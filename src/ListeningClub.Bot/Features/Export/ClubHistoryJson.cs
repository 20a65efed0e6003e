using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ListeningClub.Application.History;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Prompts;

namespace ListeningClub.Bot.Features.Export;

/// <summary>
/// The club's whole history as indented UTF-8 JSON (<c>listeningclub-history/1</c>): tracks, cycles, nominations,
/// picks, prompts, and what has become public (ballots and tie-break seeds after the announcement, ratings after the
/// reveal; <see cref="ClubHistoryQuery"/> leaves the rest out). Ids are strings (JavaScript numbers cannot hold
/// Discord ids); times are ISO 8601 in UTC.
/// </summary>
public static class ClubHistoryJson
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for people: keep emoji and non-Latin text readable
    };

    public static string Write(ClubHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("format", "listeningclub-history/1");
            json.WriteString("guildId", Id(history.Club.GuildId));
            WriteOptionalId(json, "managerRoleId", history.Club.ManagerRoleId);
            json.WriteStartArray("tracks");
            foreach (var track in history.Tracks)
            {
                WriteTrack(json, track);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTrack(Utf8JsonWriter json, TrackHistory history)
    {
        var track = history.Track;
        json.WriteStartObject();
        json.WriteString("id", track.Id.ToString());
        json.WriteString("name", track.Name);
        json.WriteString("kind", track.Kind.ToString());
        json.WriteString("channelId", Id(track.ChannelId));
        json.WriteString("timeZone", track.TimeZoneId);
        json.WriteString("schedule", track.ScheduleDescription);
        json.WriteStartObject("rules");
        json.WriteNumber("nominationCapPerMember", track.Rules.NominationCapPerMember);
        json.WriteNumber("carryOverCycles", track.Rules.CarryOverCycles);
        json.WriteBoolean("allowPastPicks", track.Rules.AllowPastPicks);
        json.WriteString("votingMethod", track.Rules.VotingMethod.ToString());
        json.WriteNumber("ballotSize", track.Rules.BallotSize);
        json.WriteEndObject();

        json.WriteStartArray("cycles");
        foreach (var cycle in history.Cycles)
        {
            WriteCycle(json, cycle);
        }

        json.WriteEndArray();

        json.WriteStartArray("prompts");
        foreach (var prompt in history.Prompts)
        {
            WritePrompt(json, prompt);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCycle(Utf8JsonWriter json, CycleHistory history)
    {
        var cycle = history.Cycle;
        json.WriteStartObject();
        json.WriteString("id", cycle.Id.ToString());
        json.WriteNumber("number", cycle.Number);
        json.WriteString("phase", cycle.Phase.ToString());
        WriteTime(json, "startedAt", cycle.StartedAt);
        WriteTime(json, "votingOpenedAt", cycle.VotingOpenedAt);
        WriteTime(json, "announcedAt", cycle.AnnouncedAt);
        WriteTime(json, "closedAt", cycle.ClosedAt);
        WriteTime(json, "ratingsRevealedAt", cycle.RatingsRevealedAt);
        WriteOptionalString(json, "tieBreakCommitment", cycle.TieBreakCommitment);
        WriteOptionalString(json, "tieBreakSeed", history.TieBreakSeedHex);

        json.WriteStartArray("nominations");
        foreach (var nomination in history.Nominations)
        {
            json.WriteStartObject();
            json.WriteString("id", nomination.Id.ToString());
            json.WriteString("memberId", Id(nomination.MemberId));
            WriteMedia(json, nomination.Media);
            WriteOptionalString(json, "pitch", nomination.Pitch);
            WriteTime(json, "nominatedAt", nomination.NominatedAt);
            json.WriteString("status", nomination.Status.ToString());
            WriteOptionalString(json, "vetoReason", nomination.VetoReason);
            json.WriteNumber("carriedOver", nomination.CarriedOver);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        if (history.Pick is { } pick)
        {
            json.WriteStartObject("pick");
            json.WriteString("nominationId", pick.NominationId.ToString());
            WriteMedia(json, pick.Media);
            json.WriteString("nominatorId", Id(pick.NominatorId));
            WriteTime(json, "announcedAt", pick.AnnouncedAt);
            json.WriteString("method", pick.Method.ToString());
            json.WriteNumber("ballotCount", pick.BallotCount);
            json.WriteNumber("candidateCount", pick.CandidateCount);
            json.WriteBoolean("tieBroken", pick.TieBroken);
            json.WriteString("tieBreakSeed", pick.TieBreakSeedHex);
            json.WriteString("tieBreakCommitment", pick.TieBreakCommitment);
            WriteOptionalId(json, "threadId", pick.ThreadId);
            json.WriteEndObject();
        }

        if (history.Ballots is { } ballots)
        {
            json.WriteStartArray("ballots");
            foreach (var ballot in ballots)
            {
                json.WriteStartObject();
                json.WriteString("memberId", Id(ballot.MemberId));
                json.WriteStartArray("choices");
                foreach (var choice in ballot.Choices)
                {
                    json.WriteStringValue(choice.ToString());
                }

                json.WriteEndArray();
                WriteTime(json, "castAt", ballot.CastAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (history.Ratings is { } ratings)
        {
            json.WriteStartArray("ratings");
            foreach (var rating in ratings)
            {
                json.WriteStartObject();
                json.WriteString("memberId", Id(rating.MemberId));
                json.WriteNumber("score", rating.Score);
                WriteOptionalString(json, "review", rating.Review);
                WriteTime(json, "ratedAt", rating.RatedAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WritePrompt(Utf8JsonWriter json, Prompt prompt)
    {
        json.WriteStartObject();
        json.WriteString("id", prompt.Id.ToString());
        json.WriteString("text", prompt.Text);
        json.WriteString("source", prompt.Source.ToString());
        WriteOptionalId(json, "addedBy", prompt.AddedBy);
        WriteTime(json, "addedAt", prompt.AddedAt);
        json.WriteBoolean("removed", prompt.Removed);
        json.WriteEndObject();
    }

    private static void WriteMedia(Utf8JsonWriter json, MediaItem media)
    {
        json.WriteStartObject("media");
        json.WriteString("kind", media.Kind.ToString());
        json.WriteString("title", media.Title);
        if (media.Year is { } year)
        {
            json.WriteNumber("year", year);
        }

        switch (media)
        {
            case Film film:
                WriteOptionalString(json, "director", film.Director);
                break;
            case Album album:
                json.WriteString("artist", album.Artist);
                break;
        }

        WriteOptionalString(json, "link", media.Link?.OriginalString);
        if (media.Catalogue is { } catalogue)
        {
            json.WriteString("catalogueId", catalogue.Id);
            WriteOptionalString(json, "imdbId", catalogue.ImdbId);
        }

        json.WriteEndObject();
    }

    internal static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static void WriteOptionalId(Utf8JsonWriter json, string name, ulong? id)
    {
        if (id is { } value)
        {
            json.WriteString(name, Id(value));
        }
    }

    private static void WriteOptionalString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            json.WriteString(name, value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        }
    }
}
