namespace ListeningClub.Discord.Emulator.State;

/// <summary>Who Discord would notify for a message under its allowed_mentions.</summary>
public sealed record MentionOutcome(IReadOnlyList<ulong> Users, IReadOnlyList<ulong> Roles, bool Everyone, bool Suppressed)
{
    public static readonly MentionOutcome None = new([], [], false, false);

    public bool NotifiesAnyone => !Suppressed && (Everyone || Users.Count > 0 || Roles.Count > 0);
}
