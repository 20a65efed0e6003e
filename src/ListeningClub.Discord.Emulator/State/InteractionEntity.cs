using System.Text.Json.Nodes;

namespace ListeningClub.Discord.Emulator.State;

/// <summary>One interaction the emulator delivered and everything the bot did with it.</summary>
public sealed class InteractionEntity
{
    public required ulong Id { get; init; }
    public required string Token { get; init; }
    public required int Type { get; init; }
    public ulong? GuildId { get; init; }
    public required ulong ChannelId { get; init; }
    public required ulong UserId { get; init; }
    public JsonNode? Data { get; init; }
    public ulong? SourceMessageId { get; init; }
    public required JsonObject Payload { get; init; }
    public required DateTimeOffset DeliveredAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public int? ResponseType { get; set; }
    public bool DeadlineMissed { get; set; }
    public List<JsonObject> Callbacks { get; } = [];
    public ulong? OriginalMessageId { get; set; }
    public bool FirstFollowupPending { get; set; }
    public List<ulong> FollowupIds { get; } = [];

    /// <summary>
    /// Completes when the bot has answered for good: any callback but a defer, or, after a defer (types 5 and 6), the
    /// edit of the original message or a follow-up. Set under the state lock, after the state changed.
    /// </summary>
    public TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsAnswered => Answered.Task.IsCompleted;

    public void MarkAnswered() => Answered.TrySetResult();

    public double? AcknowledgeLatencyMs => AcknowledgedAt is { } at ? (at - DeliveredAt).TotalMilliseconds : null;
}
