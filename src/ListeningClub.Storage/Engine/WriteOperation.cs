using LiteDB;

namespace ListeningClub.Storage.Engine;

/// <summary>One queued unit of work for the <see cref="SingleWriter"/>.</summary>
internal abstract class WriteOperation
{
    /// <summary>Exclusive operations run alone, outside any transaction (checkpoint, backup copy).</summary>
    public abstract bool IsExclusive { get; }

    /// <summary>Runs the operation; for transactional work the result is held until <see cref="Acknowledge"/>.</summary>
    public abstract void Execute(LiteDatabase db);

    /// <summary>The batch this operation ran in has committed (or the exclusive work finished): release the caller.</summary>
    public abstract void Acknowledge();

    public abstract void Fail(Exception exception);
}

internal sealed class WriteOperation<T> : WriteOperation
{
    private readonly Func<LiteDatabase, T> _work;
    private readonly CancellationToken _cancellationToken;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public WriteOperation(Func<LiteDatabase, T> work, bool exclusive, CancellationToken cancellationToken)
    {
        _work = work;
        IsExclusive = exclusive;
        _cancellationToken = cancellationToken;
    }

    public override bool IsExclusive { get; }

    public Task<T> Task => _completion.Task;

    public override void Execute(LiteDatabase db)
    {
        // Cancellation is honoured only before the work runs: once it has run and committed, the caller must learn so.
        _cancellationToken.ThrowIfCancellationRequested();
        _result = _work(db);
    }

    public override void Acknowledge() => _completion.TrySetResult(_result!);

    public override void Fail(Exception exception)
    {
        if (exception is OperationCanceledException && _cancellationToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(_cancellationToken);
        }
        else
        {
            _completion.TrySetException(exception);
        }
    }
}
