namespace ListeningClub.Domain.Outbox;

public interface IOutboxRepository
{
    /// <summary>
    /// Stores the intent unless one with the same (kind, intent key) exists; returns the stored one either way,
    /// so deciding to post the same thing twice yields one message.
    /// </summary>
    Task<OutboxMessage> AddOrGetAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Messages not yet marked sent, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(CancellationToken cancellationToken);

    Task<OutboxMessage?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The stored intent with that (kind, intent key), if it was ever decided.</summary>
    Task<OutboxMessage?> FindAsync(string kind, string intentKey, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the pending message for one attempt by <paramref name="claimant"/> until <paramref name="until"/>, so that
    /// processes sharing the store never attempt one post at the same time: returns the message as stored, or null when
    /// it is no longer pending or another claimant's claim has not expired at <paramref name="now"/>. A claimant may
    /// claim again what it holds. The claim ends with the next <see cref="UpdateAsync"/> (the attempt's outcome) or when
    /// it expires (its process died mid-attempt).
    /// </summary>
    Task<OutboxMessage?> TryClaimAsync(Guid id, string claimant, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Replaces the message (attempt counted, marked sent with its message id), ending any claim on it.</summary>
    Task UpdateAsync(OutboxMessage message, CancellationToken cancellationToken);
}
