using System.Text.Json;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Cycles;
using ListeningClub.Domain.Media;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Prompts;
using ListeningClub.Domain.Ratings;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Storage.Postgres.Mapping;

/// <summary>
/// The <c>doc</c> column of each table: the whole aggregate, so a row reads back exactly as it was saved. The columns
/// beside it (ids, keys, the unique rules) are what queries and constraints need; they are written from the same value.
/// </summary>
internal static class RowDocs
{
    public static string Write(Cycle cycle) => Doc.Write(w =>
    {
        w.WriteString("id", cycle.Id.Value);
        w.WriteString("trackId", cycle.TrackId.Value);
        w.WriteNumber("number", cycle.Number);
        w.Enum("phase", cycle.Phase);
        w.Instant("startedAt", cycle.StartedAt);
        w.OptionalInstant("votingOpensAt", cycle.VotingOpensAt);
        w.OptionalInstant("votingClosesAt", cycle.VotingClosesAt);
        w.OptionalInstant("votingOpenedAt", cycle.VotingOpenedAt);
        w.OptionalInstant("announcedAt", cycle.AnnouncedAt);
        w.OptionalInstant("closedAt", cycle.ClosedAt);
        w.OptionalString("tieBreakSeed", cycle.TieBreakSeedHex);
        w.OptionalString("tieBreakCommitment", cycle.TieBreakCommitment);
        if (cycle.PickId is { } pick)
        {
            w.WriteString("pickId", pick.Value);
        }
        else
        {
            w.WriteNull("pickId");
        }

        w.OptionalInstant("ratingsRevealedAt", cycle.RatingsRevealedAt);
        w.OptionalInstant("nextCycleNotBefore", cycle.NextCycleNotBefore);
        w.OptionalId("partyEventId", cycle.PartyEventId);
        w.WriteStartArray("stepsDone");
        foreach (var key in cycle.StepsDone.Keys)
        {
            w.WriteStringValue(key);
        }

        w.WriteEndArray();
    });

    public static Cycle ReadCycle(string json) => Doc.Read(json, e => new Cycle
    {
        Id = new CycleId(e.Guid("id")),
        TrackId = new TrackId(e.Guid("trackId")),
        Number = e.Int("number"),
        Phase = e.Enum<CyclePhase>("phase"),
        StartedAt = e.Instant("startedAt"),
        VotingOpensAt = e.OptionalInstant("votingOpensAt"),
        VotingClosesAt = e.OptionalInstant("votingClosesAt"),
        VotingOpenedAt = e.OptionalInstant("votingOpenedAt"),
        AnnouncedAt = e.OptionalInstant("announcedAt"),
        ClosedAt = e.OptionalInstant("closedAt"),
        TieBreakSeedHex = e.OptionalText("tieBreakSeed"),
        TieBreakCommitment = e.OptionalText("tieBreakCommitment"),
        PickId = e.Get("pickId").IsAbsentOrNull() ? null : new NominationId(e.Guid("pickId")),
        RatingsRevealedAt = e.OptionalInstant("ratingsRevealedAt"),
        NextCycleNotBefore = e.OptionalInstant("nextCycleNotBefore"),
        PartyEventId = e.OptionalId("partyEventId"),
        StepsDone = DoneSteps.Of(e.GetProperty("stepsDone").EnumerateArray().Select(k => k.GetString()!)),
    });

    public static string Write(Nomination nomination) => Doc.Write(w =>
    {
        w.WriteString("id", nomination.Id.Value);
        w.WriteString("trackId", nomination.TrackId.Value);
        w.WriteString("cycleId", nomination.CycleId.Value);
        w.WriteNumber("memberId", nomination.MemberId);
        WriteMedia(w, nomination.Media);
        w.OptionalString("pitch", nomination.Pitch);
        w.Instant("nominatedAt", nomination.NominatedAt);
        w.Enum("status", nomination.Status);
        w.OptionalString("vetoReason", nomination.VetoReason);
        w.WriteNumber("carriedOver", nomination.CarriedOver);
    });

    public static Nomination ReadNomination(string json) => Doc.Read(json, e => new Nomination
    {
        Id = new NominationId(e.Guid("id")),
        TrackId = new TrackId(e.Guid("trackId")),
        CycleId = new CycleId(e.Guid("cycleId")),
        MemberId = e.Id("memberId"),
        Media = ReadMedia(e.GetProperty("media")),
        Pitch = e.OptionalText("pitch"),
        NominatedAt = e.Instant("nominatedAt"),
        Status = e.Enum<NominationStatus>("status"),
        VetoReason = e.OptionalText("vetoReason"),
        CarriedOver = e.Int("carriedOver"),
    });

    public static string Write(Pick pick) => Doc.Write(w =>
    {
        w.WriteString("cycleId", pick.CycleId.Value);
        w.WriteString("trackId", pick.TrackId.Value);
        w.WriteNumber("guildId", pick.GuildId);
        w.WriteNumber("cycleNumber", pick.CycleNumber);
        w.WriteString("nominationId", pick.NominationId.Value);
        WriteMedia(w, pick.Media);
        w.WriteNumber("nominatorId", pick.NominatorId);
        w.OptionalString("pitch", pick.Pitch);
        w.Instant("announcedAt", pick.AnnouncedAt);
        w.Enum("method", pick.Method);
        w.WriteNumber("ballotCount", pick.BallotCount);
        w.WriteNumber("candidateCount", pick.CandidateCount);
        w.WriteBoolean("tieBroken", pick.TieBroken);
        w.WriteString("tieBreakSeed", pick.TieBreakSeedHex);
        w.WriteString("tieBreakCommitment", pick.TieBreakCommitment);
        w.OptionalId("threadId", pick.ThreadId);
    });

    public static Pick ReadPick(string json) => Doc.Read(json, e => new Pick
    {
        CycleId = new CycleId(e.Guid("cycleId")),
        TrackId = new TrackId(e.Guid("trackId")),
        GuildId = e.Id("guildId"),
        CycleNumber = e.Int("cycleNumber"),
        NominationId = new NominationId(e.Guid("nominationId")),
        Media = ReadMedia(e.GetProperty("media")),
        NominatorId = e.Id("nominatorId"),
        Pitch = e.OptionalText("pitch"),
        AnnouncedAt = e.Instant("announcedAt"),
        Method = e.Enum<VotingMethod>("method"),
        BallotCount = e.Int("ballotCount"),
        CandidateCount = e.Int("candidateCount"),
        TieBroken = e.Bool("tieBroken"),
        TieBreakSeedHex = e.Text("tieBreakSeed"),
        TieBreakCommitment = e.Text("tieBreakCommitment"),
        ThreadId = e.OptionalId("threadId"),
    });

    public static string Write(Rating rating) => Doc.Write(w =>
    {
        w.WriteString("cycleId", rating.CycleId.Value);
        w.WriteString("trackId", rating.TrackId.Value);
        w.WriteNumber("memberId", rating.MemberId);
        w.WriteNumber("score", rating.Score);
        w.OptionalString("review", rating.Review);
        w.Instant("ratedAt", rating.RatedAt);
    });

    public static Rating ReadRating(string json) => Doc.Read(json, e => new Rating
    {
        CycleId = new CycleId(e.Guid("cycleId")),
        TrackId = new TrackId(e.Guid("trackId")),
        MemberId = e.Id("memberId"),
        Score = e.Int("score"),
        Review = e.OptionalText("review"),
        RatedAt = e.Instant("ratedAt"),
    });

    public static string Write(Prompt prompt) => Doc.Write(w =>
    {
        w.WriteString("id", prompt.Id.Value);
        w.WriteString("trackId", prompt.TrackId.Value);
        w.WriteString("text", prompt.Text);
        w.Enum("source", prompt.Source);
        w.OptionalId("addedBy", prompt.AddedBy);
        w.Instant("addedAt", prompt.AddedAt);
        w.WriteBoolean("removed", prompt.Removed);
    });

    public static Prompt ReadPrompt(string json) => Doc.Read(json, e => new Prompt
    {
        Id = new PromptId(e.Guid("id")),
        TrackId = new TrackId(e.Guid("trackId")),
        Text = e.Text("text"),
        Source = e.Enum<PromptSource>("source"),
        AddedBy = e.OptionalId("addedBy"),
        AddedAt = e.Instant("addedAt"),
        Removed = e.Bool("removed"),
    });

    public static string Write(PromptDrawState state) => Doc.Write(w =>
    {
        w.WriteString("trackId", state.TrackId.Value);
        w.WriteNumber("round", state.Round);
        w.WriteStartArray("drawn");
        foreach (var id in state.Drawn)
        {
            w.WriteStringValue(id.Value);
        }

        w.WriteEndArray();
    });

    public static PromptDrawState ReadDrawState(string json) => Doc.Read(json, e => new PromptDrawState
    {
        TrackId = new TrackId(e.Guid("trackId")),
        Round = e.Int("round"),
        Drawn = e.GetProperty("drawn").EnumerateArray().Select(id => new PromptId(id.GetGuid())).ToList(),
    });

    public static string Write(OutboxMessage message) => Doc.Write(w =>
    {
        w.WriteString("id", message.Id);
        w.WriteString("nonce", message.Nonce);
        w.WriteNumber("guildId", message.GuildId);
        if (message.TrackId is { } track)
        {
            w.WriteString("trackId", track.Value);
        }
        else
        {
            w.WriteNull("trackId");
        }

        w.WriteNumber("channelId", message.ChannelId);
        w.WriteString("kind", message.Kind);
        w.WriteString("intentKey", message.IntentKey);
        w.WriteString("payload", message.Payload);
        w.OptionalString("forumPostName", message.ForumPostName);
        w.Instant("createdAt", message.CreatedAt);
        w.WriteNumber("attempts", message.Attempts);
        w.OptionalInstant("nextAttemptAt", message.NextAttemptAt);
        w.OptionalInstant("sentAt", message.SentAt);
        w.OptionalId("messageId", message.MessageId);
        w.OptionalInstant("abandonedAt", message.AbandonedAt);
        w.OptionalString("abandonReason", message.AbandonReason);
    });

    public static OutboxMessage ReadOutbox(string json) => Doc.Read(json, e => new OutboxMessage
    {
        Id = e.Guid("id"),
        Nonce = e.Text("nonce"),
        GuildId = e.Id("guildId"),
        TrackId = e.Get("trackId").IsAbsentOrNull() ? null : new TrackId(e.Guid("trackId")),
        ChannelId = e.Id("channelId"),
        Kind = e.Text("kind"),
        IntentKey = e.Text("intentKey"),
        Payload = e.Text("payload"),
        ForumPostName = e.OptionalText("forumPostName"),
        CreatedAt = e.Instant("createdAt"),
        Attempts = e.Int("attempts"),
        NextAttemptAt = e.OptionalInstant("nextAttemptAt"),
        SentAt = e.OptionalInstant("sentAt"),
        MessageId = e.OptionalId("messageId"),
        AbandonedAt = e.OptionalInstant("abandonedAt"),
        AbandonReason = e.OptionalText("abandonReason"),
    });

    public static string Write(CatalogueEntry entry) => Doc.Write(w =>
    {
        w.WriteString("json", entry.Json);
        w.Instant("fetchedAt", entry.FetchedAt);
    });

    /// <summary>The entry; <see cref="InvalidDataException"/> when the row is not one this version wrote.</summary>
    public static CatalogueEntry ReadCatalogueEntry(string catalogueId, string json)
    {
        try
        {
            return Doc.Read(json, e => new CatalogueEntry
            {
                CatalogueId = catalogueId,
                Json = e.Text("json"),
                FetchedAt = e.Instant("fetchedAt"),
            });
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The catalogue entry {catalogueId} cannot be read: its fields are not the ones a catalogue entry has.", ex);
        }
    }

    private static void WriteMedia(Utf8JsonWriter w, MediaItem media)
    {
        w.WriteStartObject("media");
        w.Enum("kind", media.Kind);
        w.WriteString("title", media.Title);
        w.OptionalInt("year", media.Year);
        w.OptionalString("link", media.Link?.OriginalString);
        if (media.Catalogue is { } facts)
        {
            w.WriteStartObject("catalogue");
            w.WriteString("id", facts.Id);
            w.OptionalString("imdbId", facts.ImdbId);
            w.OptionalString("synopsis", facts.Synopsis);
            w.OptionalInt("runtimeMinutes", facts.RuntimeMinutes);
            w.OptionalInt("trackCount", facts.TrackCount);
            w.OptionalString("imageUrl", facts.ImageUrl?.OriginalString);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("catalogue");
        }

        switch (media)
        {
            case Film film:
                w.OptionalString("director", film.Director);
                break;
            case Album album:
                w.WriteString("artist", album.Artist);
                break;
            default:
                throw new ArgumentException($"Unknown media type {media.GetType().Name}.", nameof(media));
        }

        w.WriteEndObject();
    }

    private static MediaItem ReadMedia(JsonElement e)
    {
        var title = e.Text("title");
        var year = e.OptionalInt("year");
        var link = e.OptionalText("link") is { } text ? new Uri(text, UriKind.RelativeOrAbsolute) : null;
        var catalogue = e.Get("catalogue").IsAbsentOrNull() ? null : ReadFacts(e.GetProperty("catalogue"));
        return e.Enum<MediaKind>("kind") switch
        {
            MediaKind.Film => new Film { Title = title, Year = year, Link = link, Catalogue = catalogue, Director = e.OptionalText("director") },
            MediaKind.Album => new Album { Title = title, Year = year, Link = link, Catalogue = catalogue, Artist = e.Text("artist") },
            var other => throw new InvalidDataException($"Unknown media kind {other}."),
        };
    }

    private static CatalogueFacts ReadFacts(JsonElement e) => new()
    {
        Id = e.Text("id"),
        ImdbId = e.OptionalText("imdbId"),
        Synopsis = e.OptionalText("synopsis"),
        RuntimeMinutes = e.OptionalInt("runtimeMinutes"),
        TrackCount = e.OptionalInt("trackCount"),
        ImageUrl = e.OptionalText("imageUrl") is { } image ? new Uri(image, UriKind.Absolute) : null,
    };
}
