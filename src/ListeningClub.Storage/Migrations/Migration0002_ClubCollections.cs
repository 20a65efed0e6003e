using LiteDB;
using ListeningClub.Storage.Documents;

namespace ListeningClub.Storage.Migrations;

/// <summary>Version 2: the club collections and the indexes that enforce their rules (EnsureIndex is idempotent).</summary>
internal sealed class Migration0002_ClubCollections : IMigration
{
    public int Version => 2;

    public string Description => "club collections and their unique indexes";

    public void Apply(LiteDatabase db, DateTimeOffset now)
    {
        // Ballots and ratings need no index besides their (cycle, member) primary key.
        db.GetCollection(Collections.Clubs).EnsureIndex("_id");
        db.GetCollection(Collections.Ballots).EnsureIndex("_id");
        db.GetCollection(Collections.Ratings).EnsureIndex("trackId", "$.trackId");

        db.GetCollection(Collections.Cycles).EnsureIndex(CycleDocuments.TrackNumberIndex, "$." + CycleDocuments.TrackNumberIndex, unique: true);

        var nominations = db.GetCollection(Collections.Nominations);
        nominations.EnsureIndex(NominationDocuments.ActiveKeyIndex, "$." + NominationDocuments.ActiveKeyIndex, unique: true);
        nominations.EnsureIndex("cycleId", "$.cycleId");
        nominations.EnsureIndex("trackId", "$.trackId");

        var picks = db.GetCollection(Collections.Picks);
        picks.EnsureIndex("trackId", "$.trackId");
        picks.EnsureIndex("guildId", "$.guildId");

        db.GetCollection(Collections.Prompts).EnsureIndex("trackId", "$.trackId");
        db.GetCollection(Collections.PromptDraws).EnsureIndex("_id");

        var outbox = db.GetCollection(Collections.Outbox);
        outbox.EnsureIndex(OutboxDocuments.IntentIndex, "$." + OutboxDocuments.IntentIndex, unique: true);
        outbox.EnsureIndex(OutboxDocuments.PendingIndex, "$." + OutboxDocuments.PendingIndex);
    }
}
