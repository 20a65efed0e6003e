namespace ListeningClub.Catalogue.Model;

/// <summary>Whether a catalogue call found something.</summary>
public enum CatalogueStatus
{
    Found,
    NotFound,
    Unavailable,
}

/// <summary>
/// The outcome of a catalogue call. Expected failures never throw: they come back as
/// <see cref="CatalogueStatus.Unavailable"/> with a <see cref="Failure"/> and a short user-facing <see cref="Message"/>.
/// </summary>
public sealed class CatalogueResult<T>
    where T : class
{
    private CatalogueResult(CatalogueStatus status, T? value, CatalogueFailure? failure, string message)
    {
        Status = status;
        Value = value;
        Failure = failure;
        Message = message;
    }

    public CatalogueStatus Status { get; }

    /// <summary>The answer when <see cref="Status"/> is <see cref="CatalogueStatus.Found"/>, else null.</summary>
    public T? Value { get; }

    /// <summary>Why the catalogue was unavailable, when it was.</summary>
    public CatalogueFailure? Failure { get; }

    /// <summary>Empty when found; otherwise one sentence a member can read ("The film catalogue (TMDB) is unavailable right now.").</summary>
    public string Message { get; }

    public bool IsFound => Status == CatalogueStatus.Found;

    public bool IsUnavailable => Status == CatalogueStatus.Unavailable;

    public static CatalogueResult<T> Found(T value) => new(CatalogueStatus.Found, value ?? throw new ArgumentNullException(nameof(value)), null, "");

    public static CatalogueResult<T> NotFound(string message) => new(CatalogueStatus.NotFound, null, null, message);

    public static CatalogueResult<T> Unavailable(CatalogueFailure failure, string message) => new(CatalogueStatus.Unavailable, null, failure, message);

    /// <summary>The same outcome for another value type (not found and unavailable carry over; found must not).</summary>
    public CatalogueResult<TOther> As<TOther>()
        where TOther : class =>
        Status switch
        {
            CatalogueStatus.NotFound => CatalogueResult<TOther>.NotFound(Message),
            CatalogueStatus.Unavailable => CatalogueResult<TOther>.Unavailable(Failure!.Value, Message),
            _ => throw new InvalidOperationException("A found result has a value of its own type."),
        };

    public override string ToString() => Status switch
    {
        CatalogueStatus.Found => $"Found({Value})",
        CatalogueStatus.NotFound => "NotFound",
        _ => $"Unavailable({Failure}: {Message})",
    };
}
