namespace ListeningClub.Domain.Common;

/// <summary>
/// The club store cannot be reached right now (its server is down, restarting or unreachable), and retrying a few times
/// did not help. A write that throws this was not acknowledged: when the connection broke after the write was sent, it
/// may still have been committed, so callers retry only what is safe to repeat (an upsert by key). It is an expected
/// failure (the member can try again later), not a bug; the message is one line for the operator.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException(string message, Exception? inner)
        : base(message, inner)
    {
    }

    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }
}
