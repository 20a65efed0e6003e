namespace ListeningClub.Domain.Cycles;

/// <summary>Where a cycle is: <c>Nominating → Voting → Announced → Closed</c>.</summary>
public enum CyclePhase
{
    Nominating = 0,
    Voting = 1,
    Announced = 2,
    Closed = 3,
}
