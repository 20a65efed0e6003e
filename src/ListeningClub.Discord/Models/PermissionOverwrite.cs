namespace ListeningClub.Discord.Models;

/// <summary>A channel's permission overwrite for a role (the @everyone role's id is the guild id) or a member.</summary>
public sealed record PermissionOverwrite
{
    /// <summary>The role or user id.</summary>
    public ulong Id { get; init; }
    public PermissionOverwriteType Type { get; init; }

    /// <summary>Bits granted (a decimal string on the wire).</summary>
    public ulong Allow { get; init; }

    /// <summary>Bits taken away (a decimal string on the wire).</summary>
    public ulong Deny { get; init; }
}

#pragma warning disable CA1008 // Discord's numbering: 0 is a role overwrite, not "none".
public enum PermissionOverwriteType
{
    Role = 0,
    Member = 1,
}
#pragma warning restore CA1008
