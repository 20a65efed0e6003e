namespace ListeningClub.Domain.Common;

/// <summary>An expected failure a member can cause: a message to show them and nothing changed.</summary>
public sealed record Problem(string Code, string Message)
{
    public override string ToString() => Message;
}

/// <summary>The outcome of an operation that a member's input can make fail. Bugs throw; bad input returns a <see cref="Problem"/>.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Problem? problem)
    {
        _value = value;
        Problem = problem;
    }

    public Problem? Problem { get; }

    public bool IsSuccess => Problem is null;

    public T Value => Problem is null
        ? _value!
        : throw new InvalidOperationException($"No value: {Problem.Message}");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Problem problem) => new(default, problem ?? throw new ArgumentNullException(nameof(problem)));

    public static Result<T> Failure(string code, string message) => Failure(new Problem(code, message));

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Problem problem) => Failure(problem);

    public Result<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Problem is null ? Result<TOut>.Success(map(_value!)) : Result<TOut>.Failure(Problem);
    }
}
