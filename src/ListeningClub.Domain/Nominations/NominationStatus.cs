namespace ListeningClub.Domain.Nominations;

public enum NominationStatus
{
    Active = 0,
    Withdrawn = 1,
    Vetoed = 2,
}
