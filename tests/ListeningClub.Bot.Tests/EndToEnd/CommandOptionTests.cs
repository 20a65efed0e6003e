using System.Globalization;
using ListeningClub.Bot.Tests.Support;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Models;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Schedule;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.EndToEnd;

/// <summary>
/// Options Discord's client would never let through, sent anyway (the bot must not rely on the client): channels that
/// are not this server's or that the bot can't post in, values outside an option's choices, control characters. Each
/// gets a private answer that says what to fix, and nothing changes.
/// </summary>
public sealed class CommandOptionTests
{
    private const ulong ViewChannel = 1UL << 10;
    private const ulong SendMessages = 1UL << 11;

    private static readonly string[] Channels = [.. DeclaredOptions.All().Where(d => d.Option.Type == ApplicationCommandOptionType.Channel).Select(d => d.Display)];

    private static readonly string[] WithChoices = [.. DeclaredOptions.All().Where(d => d.Option.Choices is { Count: > 0 }).Select(d => d.Display)];

    public static TheoryData<string> ChannelOptions => new(Channels);

    public static TheoryData<string> ChoiceOptions => new(WithChoices);

    [Fact]
    public void TheOptionsUnderTest_AreEveryDeclaredChannelOption_AndEveryOptionWithChoices()
    {
        Assert.Equal(["/club setup channel"], Channels);
        Assert.Equal(["/club setup kind", "/club setup method"], WithChoices.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ChannelOptions))]
    public async Task AChannelOption_RefusesAnythingButAChannelOfThisServerTheBotCanPostIn_AndChangesNothing(string display)
    {
        // Only the invite URL's permissions, so channel overwrites count (an administrator ignores them).
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings { BotPermissions = InvitePermissions.InUrl });
        var option = DeclaredOptions.Find(display);
        var guildId = bot.Guild.GuildId;
        var botUser = bot.Emulator.BotUserId.ToString(CultureInfo.InvariantCulture);
        var elsewhere = (await bot.Control.CreateGuildAsync(new GuildSpec("Another server", [new ChannelSpec("their-films")]))).Channels["their-films"];
        var voice = (await bot.Control.CreateChannelAsync(guildId, new ChannelSpec("Listening room", Type: 2))).Id;
        var category = (await bot.Control.CreateChannelAsync(guildId, new ChannelSpec("Clubs", Type: 4))).Id;
        var hidden = (await bot.Control.CreateChannelAsync(guildId, new ChannelSpec("staff"))).Id;
        await bot.Control.SetPermissionOverwriteAsync(hidden, botUser, new OverwriteSpec(1, Deny: ViewChannel.ToString(CultureInfo.InvariantCulture)));
        var readOnly = (await bot.Control.CreateChannelAsync(guildId, new ChannelSpec("rules"))).Id;
        await bot.Control.SetPermissionOverwriteAsync(readOnly, guildId, new OverwriteSpec(0, Deny: SendMessages.ToString(CultureInfo.InvariantCulture)));

        (string Value, string Says)[] cases =
        [
            // Echoed defused (a zero-width space after "<"), so the refusal itself mentions nothing.
            ("<#123>", "#123>\" is not one"),
            ("<#0>", "#0>\" is not one"),
            ("0", "\"0\" is not one"),
            ("123", "There is no channel with the id 123"),
            (elsewhere, $"must be one of this server's channels; <#{elsewhere}> is not"),
            (voice, $"<#{voice}> is a voice channel; channel must be a text channel or a forum channel"),
            (category, $"<#{category}> is a category"),
            (hidden, $"I can't see <#{hidden}>"),
            (readOnly, $"in <#{readOnly}>: I'm missing **Send Messages** there"),
        ];
        var postsBefore = await PostsAsync(bot);
        foreach (var (value, says) in cases)
        {
            var before = await StoreState.OfAsync(bot);
            var answer = await bot.CommandAsync("boss", option.Command, option.With(value, o => Plausible(bot, o)));
            var text = Content(answer);
            Assert.True(IsPrivate(answer), $"{display} {value} was answered publicly: {text}");
            Assert.StartsWith("⚠️", text, StringComparison.Ordinal);
            Assert.True(text.Contains(says, StringComparison.Ordinal), $"{display} {value}: expected \"{says}\" in: {text}");
            Assert.Equal(before, await StoreState.OfAsync(bot));
        }

        Assert.Equal(postsBefore, await PostsAsync(bot));

        // The same command with one of this server's text channels, where the invite URL's permissions suffice, goes through.
        var accepted = await bot.CommandAsync("boss", option.Command, option.With(bot.Guild.Channels["album-club"], o => Plausible(bot, o)));
        Assert.DoesNotContain("⚠️", Content(accepted), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ChoiceOptions))]
    public async Task AValueOutsideAnOptionsChoices_IsRefusedWithTheValidOnesListed_AndChangesNothing(string display)
    {
        await using var bot = await RunningBot.StartAsync();
        var option = DeclaredOptions.Find(display);
        var before = await StoreState.OfAsync(bot);

        // The values the hostile run sent: kind:podcast became a film, method:borda became instant-runoff.
        var value = option.Option.Name == "method" ? "borda" : "podcast";
        var answer = await bot.CommandAsync("boss", option.Command, option.With(value, o => Plausible(bot, o)));

        var text = Content(answer);
        Assert.True(IsPrivate(answer), text);
        Assert.StartsWith($"⚠️ \"{value}\" is not a choice for {option.Option.Name}. Choose one of: ", text, StringComparison.Ordinal);
        Assert.All(option.Option.Choices!, c => Assert.Contains($"{c.Name} ({c.Value.GetString()})", text, StringComparison.Ordinal));
        Assert.EndsWith("Nothing was changed.", text, StringComparison.Ordinal);
        Assert.Equal(before, await StoreState.OfAsync(bot));
        Assert.Null(await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default));
    }

    [Fact]
    public async Task ATrackNameOrTitleOfOnlyInvisibleCharacters_IsRefused_AndChangesNothing()
    {
        await using var bot = await RunningBot.StartAsync();

        // Zero-width joiner, zero-width space, word joiner, byte order mark, a bidi override, a NUL.
        const string Invisible = "\u200D\u200B\u2060\uFEFF\u202E\0";
        const string Says = "is empty: it has only spaces or invisible characters";
        var setup = await bot.CommandAsync("boss", "club", Sub("setup", ("name", Invisible), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin")));
        Assert.Contains("The track name " + Says, Content(setup), StringComparison.Ordinal);
        Assert.Null(await bot.Get<IClubRepository>().GetAsync(bot.GuildId, default));

        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin")));
        await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Album Club"), ("kind", "album"), ("channel", bot.Guild.Channels["album-club"]), ("timezone", "Europe/Berlin")));
        await bot.StepDoneInEveryTrackAsync(StepPlanner.NominationsKey);
        var before = await StoreState.OfAsync(bot);
        (string Command, System.Text.Json.Nodes.JsonArray Options, string Says)[] cases =
        [
            ("nominate", Sub("film", ("title", Invisible)), "The title " + Says),
            ("nominate", Sub("album", ("title", Invisible), ("artist", "Joni Mitchell")), "The title " + Says),
            ("nominate", Sub("album", ("title", "Blue"), ("artist", Invisible)), "The artist " + Says),
        ];
        foreach (var (command, options, says) in cases)
        {
            var answer = await bot.CommandAsync("ana", command, options);
            Assert.True(IsPrivate(answer), Content(answer));
            Assert.Contains(says, Content(answer), StringComparison.Ordinal);
            Assert.Equal(before, await StoreState.OfAsync(bot));
        }
    }

    [Fact]
    public async Task ControlCharactersInWhatAMemberSends_AreNeverEchoed_InRepliesOrLogs()
    {
        var logs = new CapturedLogs();
        await using var bot = await RunningBot.StartAsync(new RunningBotSettings
        {
            Args = ["--Logging:LogLevel:Default=Trace"],
            Configure = builder =>
            {
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton<ILoggerProvider>(logs);
            },
        });
        const string Controls = "\0\u0007\u001b\u007f\u009b\u200b";
        var setup = DeclaredOptions.Find("/club setup kind");
        var channel = DeclaredOptions.Find("/club setup channel");

        InteractionRecord[] answers =
        [
            await bot.CommandAsync("boss", "club", setup.With("pod" + Controls + "cast", o => Plausible(bot, o))),
            await bot.CommandAsync("boss", "club", channel.With("<#1" + Controls + ">", o => Plausible(bot, o))),
            await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film" + Controls + "Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Mars/" + Controls))),
            await bot.CommandAsync("boss", "club", Sub("setup", ("name", "Film" + Controls + "Night"), ("kind", "film"), ("channel", bot.Guild.Channels["film-night"]), ("timezone", "Europe/Berlin"))),
            await bot.CommandAsync("ana", "nominate", Sub("film", ("title", "Al" + Controls + "ien"), ("pitch", "A" + Controls + "classic"))),
            await bot.CommandAsync("ana", "nominate", Sub("film", ("title", "Heat"), ("track", "Book" + Controls + "Club"))),
            await bot.CommandAsync("ana", "nominations"),
            await bot.CommandAsync("ana", "nomi" + Controls + "nate"),
        ];
        await bot.Host.StopAsync();

        foreach (var answer in answers)
        {
            var text = Content(answer);
            Assert.False(text.Any(IsControlButLineFeed), $"a reply carries a control character: {Escaped(text)}");
        }

        Assert.Contains("Alien", Content(answers[6]), StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Text.Contains("No handler", StringComparison.Ordinal) && e.Text.Contains("nate'", StringComparison.Ordinal));
        Assert.All(logs.Entries, e => Assert.False(e.Text.Any(IsControlButLineFeed), $"a log entry carries a control character: {Escaped(e.Text)}"));
        Assert.All(await bot.Control.MessagesAsync(), m => Assert.False(m.Message.ToJsonString().Contains("\\u0000", StringComparison.Ordinal), m.Content));
    }

    /// <summary>How many messages the bot posted on its own (not as an answer to an interaction).</summary>
    private static async Task<int> PostsAsync(RunningBot bot) => (await bot.Control.MessagesAsync()).Count(m => m.Message["interaction_metadata"] is null);

    private static bool IsControlButLineFeed(char c) => char.IsControl(c) && c != '\n';

    private static string Escaped(string text) => string.Concat(text.Select(c => IsControlButLineFeed(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    /// <summary>A value for a required option that is right for it, so only the option under test can be refused.</summary>
    private static object Plausible(RunningBot bot, ApplicationCommandOption option) => option.Type switch
    {
        ApplicationCommandOptionType.Integer => 1,
        ApplicationCommandOptionType.Boolean => true,
        ApplicationCommandOptionType.Channel => bot.Guild.Channels["film-night"],
        ApplicationCommandOptionType.Role => bot.Guild.Roles["Club Manager"],
        _ when option.Choices is [var first, ..] => first.Value.GetString()!,
        _ when option.Name == "timezone" => "Europe/Berlin",
        _ => "Film Night",
    };
}
