using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ListeningClub.Domain.Ballots;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;

namespace ListeningClub.Storage.Export;

/// <summary>Builds the exports from the repositories (reads only; never waits for the writer).</summary>
internal sealed class ClubExporter(
    IClubRepository clubs,
    ICycleRepository cycles,
    INominationRepository nominations,
    IBallotRepository ballots,
    IPickRepository picks,
    IRatingRepository ratings,
    IPromptRepository prompts) : IClubExporter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for people: keep emoji and non-Latin text readable
    };

    public async Task<string?> ExportClubJsonAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var club = await clubs.GetAsync(guildId, cancellationToken).ConfigureAwait(false);
        if (club is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("format", "listeningclub-history/1");
            json.WriteString("guildId", Id(club.GuildId));
            WriteOptionalId(json, "managerRoleId", club.ManagerRoleId);
            json.WriteStartArray("tracks");
            foreach (var track in club.Tracks)
            {
                await WriteTrackAsync(json, track, cancellationToken).ConfigureAwait(false);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public async Task<string> ExportLetterboxdCsvAsync(ulong guildId, TrackId trackId, ulong? memberId, CancellationToken cancellationToken)
    {
        var club = await clubs.GetAsync(guildId, cancellationToken).ConfigureAwait(false);
        var track = club?.FindTrack(trackId) ?? throw new ArgumentException("The guild has no such track.", nameof(trackId));
        if (track.Kind != MediaKind.Film)
        {
            throw new ArgumentException("Letterboxd is for films; this track is for albums.", nameof(trackId));
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(track.TimeZoneId);
        var revealed = (await cycles.ListByTrackAsync(trackId, cancellationToken).ConfigureAwait(false))
            .Where(cycle => cycle.RatingsRevealedAt is not null)
            .Select(cycle => cycle.Id)
            .ToHashSet();
        var trackRatings = (await ratings.ListByTrackAsync(trackId, cancellationToken).ConfigureAwait(false))
            .Where(rating => revealed.Contains(rating.CycleId))
            .ToLookup(rating => rating.CycleId);

        var csv = new StringBuilder("Title,Year,WatchedDate,Rating10,Review\n");
        foreach (var pick in await picks.ListByTrackAsync(trackId, cancellationToken).ConfigureAwait(false))
        {
            var watched = TimeZoneInfo.ConvertTime(pick.AnnouncedAt, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var pickRatings = trackRatings[pick.CycleId].ToList();
            string score;
            string review;
            if (memberId is { } member)
            {
                var mine = pickRatings.FirstOrDefault(rating => rating.MemberId == member);
                score = mine?.Score.ToString(CultureInfo.InvariantCulture) ?? "";
                review = mine?.Review ?? "";
            }
            else
            {
                score = pickRatings.Count == 0
                    ? ""
                    : Math.Round(pickRatings.Average(rating => rating.Score), MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
                review = "";
            }

            csv.Append(Csv(pick.Media.Title)).Append(',')
                .Append(pick.Media.Year?.ToString(CultureInfo.InvariantCulture) ?? "").Append(',')
                .Append(watched).Append(',')
                .Append(score).Append(',')
                .Append(Csv(review)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.</summary>
    internal static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private async Task WriteTrackAsync(Utf8JsonWriter json, Track track, CancellationToken cancellationToken)
    {
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

        var trackPicks = (await picks.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(pick => pick.CycleId);
        var trackRatings = (await ratings.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false)).ToLookup(rating => rating.CycleId);
        var trackNominations = (await nominations.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false)).ToLookup(nomination => nomination.CycleId);
        json.WriteStartArray("cycles");
        foreach (var cycle in await cycles.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false))
        {
            var cycleBallots = cycle.Phase is CyclePhase.Announced or CyclePhase.Closed
                ? await ballots.ListByCycleAsync(cycle.Id, cancellationToken).ConfigureAwait(false)
                : null;
            WriteCycle(json, cycle, trackNominations[cycle.Id], trackPicks.GetValueOrDefault(cycle.Id), cycleBallots, cycle.RatingsRevealedAt is null ? null : trackRatings[cycle.Id]);
        }

        json.WriteEndArray();

        json.WriteStartArray("prompts");
        foreach (var prompt in await prompts.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false))
        {
            WritePrompt(json, prompt);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCycle(Utf8JsonWriter json, Cycle cycle, IEnumerable<Nomination> cycleNominations, Pick? pick, IReadOnlyList<Ballot>? cycleBallots, IEnumerable<Rating>? cycleRatings)
    {
        var announced = cycle.Phase is CyclePhase.Announced or CyclePhase.Closed;
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

        // The seed is secret until the pick is announced; exporting it earlier would let anyone predict tie-breaks.
        WriteOptionalString(json, "tieBreakSeed", announced ? cycle.TieBreakSeedHex : null);

        json.WriteStartArray("nominations");
        foreach (var nomination in cycleNominations)
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

        if (pick is not null)
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

        if (cycleBallots is not null)
        {
            json.WriteStartArray("ballots");
            foreach (var ballot in cycleBallots.OrderBy(b => b.MemberId))
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

        if (cycleRatings is not null)
        {
            json.WriteStartArray("ratings");
            foreach (var rating in cycleRatings.OrderBy(r => r.MemberId))
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
        json.WriteEndObject();
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

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
