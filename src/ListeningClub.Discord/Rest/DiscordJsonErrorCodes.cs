namespace ListeningClub.Discord.Rest;

/// <summary>Discord JSON error codes the bot meets (REFERENCE §1).</summary>
public static class DiscordJsonErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int UnknownInteraction = 10062;
    public const int UnknownScheduledEvent = 10070;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int MissingPermissions = 50013;
    public const int InvalidFormBody = 50035;
    public const int ArchivedThread = 50083;
    public const int ThreadAlreadyCreated = 160004;
    public const int ThreadLocked = 160005;
    public const int PollExpired = 520001;
    public const int CannotEditPoll = 520003;
}
