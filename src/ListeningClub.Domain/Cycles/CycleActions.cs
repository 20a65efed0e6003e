namespace ListeningClub.Domain.Cycles;

/// <summary>The member actions that depend on a cycle's phase, named as they read in messages.</summary>
public static class CycleActions
{
    public const string Nominate = "nominate";
    public const string Withdraw = "withdraw";
    public const string Vote = "vote";
    public const string Rate = "rate";
}
