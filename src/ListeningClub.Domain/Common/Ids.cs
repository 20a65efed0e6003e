namespace ListeningClub.Domain.Common;

/// <summary>Identifies a track within the whole store.</summary>
public readonly record struct TrackId(Guid Value)
{
    public static TrackId New() => new(Guid.NewGuid());

    public static bool TryParse(string? text, out TrackId id)
    {
        var ok = Guid.TryParseExact(text, "N", out var guid);
        id = new TrackId(guid);
        return ok;
    }

    public override string ToString() => Value.ToString("N");
}

/// <summary>Identifies one cycle (usually one week) of a track.</summary>
public readonly record struct CycleId(Guid Value)
{
    public static CycleId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("N");
}

/// <summary>Identifies a nomination; its string form is the candidate id used by the voting engine and the tie-break.</summary>
public readonly record struct NominationId(Guid Value)
{
    public static NominationId New() => new(Guid.NewGuid());

    public static bool TryParse(string? text, out NominationId id)
    {
        var ok = Guid.TryParseExact(text, "N", out var guid);
        id = new NominationId(guid);
        return ok;
    }

    public override string ToString() => Value.ToString("N");
}

/// <summary>Identifies a discussion prompt in a track's deck.</summary>
public readonly record struct PromptId(Guid Value)
{
    public static PromptId New() => new(Guid.NewGuid());

    public static bool TryParse(string? text, out PromptId id)
    {
        var ok = Guid.TryParseExact(text, "N", out var guid);
        id = new PromptId(guid);
        return ok;
    }

    public override string ToString() => Value.ToString("N");
}
