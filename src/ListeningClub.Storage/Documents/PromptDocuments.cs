using LiteDB;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Prompts;
using ListeningClub.Storage.Mapping;

namespace ListeningClub.Storage.Documents;

/// <summary>Prompt documents (_id = prompt id) and draw-state documents (_id = track id).</summary>
internal static class PromptDocuments
{
    public static BsonDocument ToDocument(Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new BsonDocument
        {
            ["_id"] = prompt.Id.Value,
            ["trackId"] = prompt.TrackId.Value,
            ["text"] = prompt.Text,
            ["source"] = Bson.FromEnum(prompt.Source),
            ["addedBy"] = Bson.FromOptionalId(prompt.AddedBy),
            ["addedAt"] = Bson.FromInstant(prompt.AddedAt),
            ["removed"] = prompt.Removed,
        };
    }

    public static Prompt FromDocument(BsonDocument document) => new()
    {
        Id = new PromptId(document["_id"].AsGuid),
        TrackId = new TrackId(document["trackId"].AsGuid),
        Text = document["text"].AsString,
        Source = Bson.ToEnum<PromptSource>(document["source"]),
        AddedBy = Bson.ToOptionalId(Bson.Get(document, "addedBy")),
        AddedAt = Bson.ToInstant(document["addedAt"]),
        Removed = document["removed"].AsBoolean,
    };

    public static BsonDocument ToDocument(PromptDrawState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var drawn = new BsonArray();
        foreach (var id in state.Drawn)
        {
            drawn.Add(new BsonValue(id.Value));
        }

        return new BsonDocument
        {
            ["_id"] = state.TrackId.Value,
            ["round"] = state.Round,
            ["drawn"] = drawn,
        };
    }

    public static PromptDrawState DrawStateFromDocument(BsonDocument document) => new()
    {
        TrackId = new TrackId(document["_id"].AsGuid),
        Round = document["round"].AsInt32,
        Drawn = document["drawn"].AsArray.Select(id => new PromptId(id.AsGuid)).ToList(),
    };
}
