using LiteDB;
using ListeningClub.Storage.Documents;

namespace ListeningClub.Storage.Migrations;

/// <summary>Version 3: an index on the clubs' web archive slug, so a page request finds its club without a scan.</summary>
internal sealed class Migration0003_ArchiveSlug : IMigration
{
    public int Version => 3;

    public string Description => "index on the web archive slug";

    // Not unique: every club with its archive off has a null slug. Slugs are 160 random bits; two never meet.
    public void Apply(LiteDatabase db, DateTimeOffset now) =>
        db.GetCollection(Collections.Clubs).EnsureIndex(ClubDocuments.ArchiveSlugField, "$." + ClubDocuments.ArchiveSlugField);
}
