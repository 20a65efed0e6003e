using ListeningClub.Discord.Models;
using ListeningClub.Discord.Permissions;

namespace ListeningClub.Discord.Tests.Permissions;

/// <summary>The bot's permissions in a channel, in Discord's documented order (topics/permissions, "Permission Hierarchy").</summary>
public sealed class ChannelPermissionsTests
{
    private const ulong Guild = 1, Bot = 2, BotRole = 3, OtherRole = 4, Owner = 9;
    private const DiscordPermissions View = DiscordPermissions.ViewChannel;
    private const DiscordPermissions Send = DiscordPermissions.SendMessages;
    private const DiscordPermissions Embed = DiscordPermissions.EmbedLinks;

    private static readonly Role[] Roles =
    [
        new() { Id = Guild, Name = "@everyone", Permissions = (ulong)View },
        new() { Id = BotRole, Name = "ListeningClub", Permissions = (ulong)(Send | Embed), Managed = true },
        new() { Id = OtherRole, Name = "Other", Permissions = (ulong)DiscordPermissions.Administrator },
    ];

    private static DiscordPermissions Compute(params PermissionOverwrite[] overwrites) =>
        ChannelPermissions.Compute(Guild, Owner, Roles, Bot, [BotRole], overwrites);

    private static PermissionOverwrite For(ulong id, PermissionOverwriteType type, DiscordPermissions allow = 0, DiscordPermissions deny = 0) =>
        new() { Id = id, Type = type, Allow = (ulong)allow, Deny = (ulong)deny };

    [Fact]
    public void WithoutOverwrites_EveryoneOrTheMembersRoles() => Assert.Equal(View | Send | Embed, Compute());

    [Fact]
    public void EveryoneOverwrite_ComesBeforeRoleOverwrites_WhichComeBeforeTheMembersOwn()
    {
        var everyoneDeniesSend = For(Guild, PermissionOverwriteType.Role, deny: Send);
        var roleAllowsSend = For(BotRole, PermissionOverwriteType.Role, allow: Send, deny: Embed);
        var memberDeniesSend = For(Bot, PermissionOverwriteType.Member, deny: Send);

        Assert.Equal(View | Embed, Compute(everyoneDeniesSend));
        Assert.Equal(View | Send, Compute(everyoneDeniesSend, roleAllowsSend));
        Assert.Equal(View, Compute(memberDeniesSend, roleAllowsSend, everyoneDeniesSend));
    }

    [Fact]
    public void OverwritesOfRolesTheMemberLacks_DoNotCount() =>
        Assert.Equal(View | Send | Embed, Compute(For(OtherRole, PermissionOverwriteType.Role, deny: Send | View)));

    [Fact]
    public void WithoutViewChannel_NothingElseCounts() =>
        Assert.Equal(DiscordPermissions.None, Compute(For(Guild, PermissionOverwriteType.Role, deny: View)));

    [Fact]
    public void TheOwnerAndAnAdministrator_HaveEverything_WhateverTheOverwrites()
    {
        var denyAll = For(Guild, PermissionOverwriteType.Role, deny: DiscordPermissions.All);
        Assert.Equal(DiscordPermissions.All, ChannelPermissions.Compute(Guild, Bot, Roles, Bot, [BotRole], [denyAll]));
        Assert.Equal(DiscordPermissions.All, ChannelPermissions.Compute(Guild, Owner, Roles, Bot, [BotRole, OtherRole], [denyAll]));
    }
}
