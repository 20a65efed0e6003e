namespace ListeningClub.Storage.Postgres.Engine;

/// <summary>
/// The PostgreSQL store cannot be used: the server cannot be reached or refuses us, the database or schema is missing,
/// or its schema is from a newer version. The message is one line for the operator and never holds the password.
/// </summary>
public sealed class PostgresStoreException : Exception
{
    public PostgresStoreException(string message, Exception? inner)
        : base(message, inner)
    {
    }

    public PostgresStoreException()
    {
    }

    public PostgresStoreException(string message)
        : base(message)
    {
    }
}

/// <summary>A write broke one of the store's rules (a unique key): the message says which. Nothing of the write was kept.</summary>
public sealed class PostgresConflictException : Exception
{
    public PostgresConflictException(string message, Exception? inner)
        : base(message, inner)
    {
    }

    public PostgresConflictException()
    {
    }

    public PostgresConflictException(string message)
        : base(message)
    {
    }
}
