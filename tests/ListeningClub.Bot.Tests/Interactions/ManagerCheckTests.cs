using ListeningClub.Bot.Interactions;
using ListeningClub.Discord.Models;

namespace ListeningClub.Bot.Tests.Interactions;

public sealed class ManagerCheckTests
{
    [Theory]
    [InlineData(1UL << 5, null, true)]   // Manage Server
    [InlineData(1UL << 3, null, true)]   // Administrator
    [InlineData(1UL << 11, null, false)] // Send Messages only
    [InlineData(0UL, 77UL, true)]        // has the manager role
    [InlineData(0UL, 78UL, false)]       // another role is the manager role
    public void IsManager_UsesPermissionsOrTheManagerRole(ulong permissions, ulong? managerRole, bool expected)
    {
        var member = new GuildMember { Permissions = permissions, Roles = [77UL] };
        Assert.Equal(expected, ManagerCheck.IsManager(member, managerRole));
    }

    [Fact]
    public void IsManager_NoMember_IsFalse() => Assert.False(ManagerCheck.IsManager(null, 1));
}
