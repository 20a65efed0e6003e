using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Sandbox.Members;

namespace ListeningClub.Sandbox.Demo;

/// <summary>A member of the demo server the page can act as.</summary>
public sealed record DemoMember(string Id, string Name, bool IsManager)
{
    public string Label => IsManager ? $"{Name} (club manager)" : Name;
}

/// <summary>A track the sandbox set up, and the channel it posts in.</summary>
public sealed record DemoTrack(string Name, string ChannelId);

/// <summary>
/// The demo server: a guild with a general channel and one channel per track, six members and a club manager (Manage
/// Server and the Club Manager role). <see cref="SeedAsync"/> sets the club up the way a manager and members would,
/// with slash commands through the emulator: a film track and an album track (voting in a Discord poll), a schedule,
/// nominations, and the album track's vote opened.
/// </summary>
public sealed class DemoServer
{
    public const string GuildName = "Listening Club";
    public const string ManagerName = "Quinn";
    public const string FilmTrack = "Film Night";
    public const string AlbumTrack = "Album Club";

    public static readonly IReadOnlyList<string> MemberNames = ["Ada", "Ben", "Chloé", "Dev", "Emre", "Fatima"];

    private DemoServer(CreatedGuild guild)
    {
        Guild = guild;
        Members = [.. MemberNames.Select(n => new DemoMember(guild.Users[n], n, false)), new DemoMember(guild.Users[ManagerName], ManagerName, true)];
        Tracks = [new DemoTrack(FilmTrack, guild.Channels["film-night"]), new DemoTrack(AlbumTrack, guild.Channels["album-club"])];
    }

    public CreatedGuild Guild { get; }

    public string GuildId => Guild.GuildId;

    public IReadOnlyList<DemoMember> Members { get; }

    public DemoMember Manager => Members.Single(m => m.IsManager);

    public IReadOnlyList<DemoTrack> Tracks { get; }

    public DemoMember? Member(string? id) => Members.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal));

    public DemoTrack? TrackIn(string? channelId) => Tracks.FirstOrDefault(t => string.Equals(t.ChannelId, channelId, StringComparison.Ordinal));

    public static async Task<DemoServer> CreateAsync(EmulatorControl control, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(control);
        var guild = await control.CreateGuildAsync(
            new GuildSpec(
                GuildName,
                Channels: [new ChannelSpec("general"), new ChannelSpec("film-night"), new ChannelSpec("album-club")],
                Roles: [new RoleSpec("Club Manager")],
                Members: [.. MemberNames.Select(n => new MemberSpec(n)), new MemberSpec(ManagerName, Roles: ["Club Manager"], Permissions: "32")]),
            ct).ConfigureAwait(false);
        return new DemoServer(guild);
    }

    /// <summary>
    /// Waits until the bot has registered its commands in the server (it does so once its gateway session is ready),
    /// following the emulator's change feed rather than polling on a timer.
    /// </summary>
    public async Task WaitForCommandsAsync(EmulatorControl control, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(time);
        var deadline = time.GetUtcNow() + timeout;
        var version = -1L;
        while ((await control.CommandsAsync(GuildId, ct).ConfigureAwait(false)).Count == 0)
        {
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The bot did not register its commands within {timeout.TotalSeconds:0} s.");
            }

            version = await control.WaitForChangeAsync(version, left, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sets the club up through the bot's own commands; returns the problems the bot answered with (none when all went well).</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(MemberActions actions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var problems = new List<string>();
        var film = Tracks[0];
        var album = Tracks[1];

        async Task Run(string who, string channel, string path, params (string Name, string Value)[] options)
        {
            var outcome = await actions.CommandAsync(Guild.Users[who], channel, path, options.ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal), ct).ConfigureAwait(false);
            if (outcome.Problem is { } problem)
            {
                problems.Add($"/{path} as {who}: {problem}");
            }
            else if (outcome.Reply.StartsWith("⚠️", StringComparison.Ordinal))
            {
                problems.Add($"/{path} as {who}: the bot answered {outcome.Reply}");
            }
        }

        await Run(ManagerName, film.ChannelId, "club setup", ("name", FilmTrack), ("kind", "film"), ("channel", film.ChannelId), ("timezone", "Europe/London"), ("method", "instant-runoff")).ConfigureAwait(false);
        await Run(ManagerName, film.ChannelId, "club schedule", ("track", FilmTrack), ("reminders", "1h")).ConfigureAwait(false);
        await Run(ManagerName, album.ChannelId, "club setup", ("name", AlbumTrack), ("kind", "album"), ("channel", album.ChannelId), ("timezone", "Europe/Berlin"), ("method", "plurality"), ("poll", "True")).ConfigureAwait(false);

        await Run("Ben", film.ChannelId, "nominate film", ("title", "Paris, Texas"), ("year", "1984"), ("director", "Wim Wenders"), ("pitch", "Harry Dean Stanton walks out of the desert.")).ConfigureAwait(false);
        await Run("Chloé", film.ChannelId, "nominate film", ("title", "Portrait of a Lady on Fire"), ("year", "2019"), ("director", "Céline Sciamma")).ConfigureAwait(false);
        await Run("Dev", film.ChannelId, "nominate film", ("title", "Stalker"), ("year", "1979"), ("director", "Andrei Tarkovsky"), ("pitch", "Slow, strange & <worth it>.")).ConfigureAwait(false);

        await Run("Emre", album.ChannelId, "nominate album", ("title", "Blue"), ("artist", "Joni Mitchell"), ("year", "1971")).ConfigureAwait(false);
        await Run("Fatima", album.ChannelId, "nominate album", ("title", "Homogenic"), ("artist", "Björk"), ("year", "1997"), ("pitch", "Strings and beats from Iceland.")).ConfigureAwait(false);
        await Run("Ada", album.ChannelId, "nominate album", ("title", "Kind of Blue"), ("artist", "Miles Davis"), ("year", "1959")).ConfigureAwait(false);
        await Run(ManagerName, album.ChannelId, "club advance", ("track", AlbumTrack)).ConfigureAwait(false);
        return problems;
    }
}
