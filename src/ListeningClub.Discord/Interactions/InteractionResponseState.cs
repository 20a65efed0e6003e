namespace ListeningClub.Discord.Interactions;

/// <summary>Where an interaction's initial response stands.</summary>
public enum InteractionResponseState
{
    /// <summary>Nothing sent yet.</summary>
    None = 0,

    /// <summary>Deferred (type 5, or 6 for components): the reply comes as an edit of @original.</summary>
    Deferred = 1,

    /// <summary>Answered (reply, update, modal, autocomplete): further messages are follow-ups.</summary>
    Responded = 2,

    /// <summary>The 3-second deadline passed unanswered: Discord would reject a callback, so none is sent.</summary>
    Expired = 3,
}
