namespace ListeningClub.Domain.Prompts;

public enum PromptSource
{
    /// <summary>From the deck the project ships.</summary>
    Default = 0,

    /// <summary>Suggested by a member with /prompt suggest.</summary>
    Member = 1,

    /// <summary>Added by a manager with /club prompts add.</summary>
    Manager = 2,
}
