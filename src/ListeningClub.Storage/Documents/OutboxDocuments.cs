using LiteDB;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Outbox;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Documents;

/// <summary>
/// An outbox document (_id = message id). <c>intent</c> (kind + intent key) is unique; <c>pending</c> is indexed.
/// <c>trackId</c> and <c>nextAttemptAt</c> came later: documents without them read as null (no track, due at once).
/// </summary>
internal static class OutboxDocuments
{
    public const string IntentIndex = "intent";
    public const string PendingIndex = "pending";

    private const string ClaimedByField = "claimedBy";
    private const string ClaimedUntilField = "claimedUntil";

    public static string Intent(string kind, string intentKey) => kind + "\n" + intentKey;

    /// <summary>True when someone other than <paramref name="claimant"/> holds a claim on the message that has not expired at <paramref name="now"/>.</summary>
    public static bool ClaimedByOther(BsonDocument document, string claimant, DateTimeOffset now) =>
        Bson.Get(document, ClaimedByField) is { IsNull: false } by
        && by.AsString != claimant
        && Bson.ToOptionalInstant(Bson.Get(document, ClaimedUntilField)) is { } until
        && until > now;

    public static void Claim(BsonDocument document, string claimant, DateTimeOffset until)
    {
        document[ClaimedByField] = claimant;
        document[ClaimedUntilField] = Bson.FromInstant(until);
    }

    public static BsonDocument ToDocument(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new BsonDocument
        {
            ["_id"] = message.Id,
            ["nonce"] = message.Nonce,
            ["guildId"] = Bson.FromId(message.GuildId),
            ["trackId"] = message.TrackId is { } track ? new BsonValue(track.Value) : BsonValue.Null,
            ["channelId"] = Bson.FromId(message.ChannelId),
            ["kind"] = message.Kind,
            ["intentKey"] = message.IntentKey,
            [IntentIndex] = Intent(message.Kind, message.IntentKey),
            ["payload"] = message.Payload,
            ["forumPostName"] = Bson.FromOptionalString(message.ForumPostName),
            ["createdAt"] = Bson.FromInstant(message.CreatedAt),
            ["attempts"] = message.Attempts,
            ["nextAttemptAt"] = Bson.FromOptionalInstant(message.NextAttemptAt),
            ["sentAt"] = Bson.FromOptionalInstant(message.SentAt),
            ["messageId"] = Bson.FromOptionalId(message.MessageId),
            ["abandonedAt"] = Bson.FromOptionalInstant(message.AbandonedAt),
            ["abandonReason"] = Bson.FromOptionalString(message.AbandonReason),
            [PendingIndex] = message.IsPending,
        };
    }

    public static OutboxMessage FromDocument(BsonDocument document) => new()
    {
        Id = document["_id"].AsGuid,
        Nonce = document["nonce"].AsString,
        GuildId = Bson.ToId(document["guildId"]),
        TrackId = Bson.Get(document, "trackId") is { IsNull: false } track ? new TrackId(track.AsGuid) : null,
        ChannelId = Bson.ToId(document["channelId"]),
        Kind = document["kind"].AsString,
        IntentKey = document["intentKey"].AsString,
        Payload = document["payload"].AsString,
        ForumPostName = Bson.ToOptionalString(Bson.Get(document, "forumPostName")),
        CreatedAt = Bson.ToInstant(document["createdAt"]),
        Attempts = document["attempts"].AsInt32,
        NextAttemptAt = Bson.ToOptionalInstant(Bson.Get(document, "nextAttemptAt")),
        SentAt = Bson.ToOptionalInstant(Bson.Get(document, "sentAt")),
        MessageId = Bson.ToOptionalId(Bson.Get(document, "messageId")),
        AbandonedAt = Bson.ToOptionalInstant(Bson.Get(document, "abandonedAt")),
        AbandonReason = Bson.ToOptionalString(Bson.Get(document, "abandonReason")),
    };
}
