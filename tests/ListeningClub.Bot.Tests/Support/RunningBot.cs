using System.Text.Json.Nodes;
using ListeningClub.Bot.Hosting;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Discord.Emulator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>The whole bot host (gateway, router, store, scheduler) running against the emulator on the real clock.</summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly string _dataFolder;

    private RunningBot(DiscordEmulator emulator, EmulatorControl control, CreatedGuild guild, IHost host, string dataFolder)
    {
        _dataFolder = dataFolder;
        Emulator = emulator;
        Control = control;
        Guild = guild;
        Host = host;
    }

    public DiscordEmulator Emulator { get; }

    public EmulatorControl Control { get; }

    public CreatedGuild Guild { get; }

    public IHost Host { get; private set; }

    public ulong GuildId => ulong.Parse(Guild.GuildId, System.Globalization.CultureInfo.InvariantCulture);

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public static async Task<RunningBot> StartAsync()
    {
        var emulator = await DiscordEmulator.StartAsync(new EmulatorSettings { HeartbeatInterval = TimeSpan.FromSeconds(5) });
        var control = emulator.CreateControl();
        var guild = await control.CreateGuildAsync(new GuildSpec(
            "Club",
            Channels: [new ChannelSpec("film-night"), new ChannelSpec("album-club")],
            Roles: [new RoleSpec("Club Manager")],
            Members: [new MemberSpec("ana"), new MemberSpec("ben"), new MemberSpec("cho"), new MemberSpec("boss", Permissions: "32"), new MemberSpec("helper", Roles: ["Club Manager"])]));
        var folder = Path.Combine(Path.GetTempPath(), "listeningclub-tests", Guid.NewGuid().ToString("N"));
        var host = await StartHostAsync(emulator, guild, folder);
        var bot = new RunningBot(emulator, control, guild, host, folder);
        await WaitUntilAsync(async () => (await control.RequestsAsync()).Any(r => r.Method == "PUT" && r.Path.Contains("/commands", StringComparison.Ordinal)), "commands registered");
        return bot;
    }

    /// <summary>Stops the bot and starts it again on the same data folder, against the same Discord; returns once it has synced its commands.</summary>
    public async Task RestartAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        var synced = (await Control.RequestsAsync()).Count(IsCommandsRead);
        Host = await StartHostAsync(Emulator, Guild, _dataFolder);
        await WaitUntilAsync(async () => (await Control.RequestsAsync()).Count(IsCommandsRead) > synced, "commands compared after the restart");
    }

    /// <summary>Submits a modal the bot opened, with text input values by custom id.</summary>
    public async Task<InteractionRecord> ModalAsync(string user, string customId, IReadOnlyDictionary<string, string> inputs, string channel = "film-night")
    {
        var data = new JsonObject
        {
            ["custom_id"] = customId,
            ["components"] = new JsonArray(inputs.Select(i => (JsonNode)new JsonObject
            {
                ["type"] = 18,
                ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = i.Key, ["value"] = i.Value },
            }).ToArray()),
        };
        var sent = await Control.SendInteractionAsync(new InteractionSpec(Guild.Channels[channel], Guild.Users[user], 5, data, Guild.GuildId));
        return await AnsweredAsync(sent.Id);
    }

    private static bool IsCommandsRead(RequestEntry request) =>
        request.Method == "GET" && request.Path.EndsWith("/commands", StringComparison.Ordinal) && request.Status == 200;

    private static async Task<IHost> StartHostAsync(DiscordEmulator emulator, CreatedGuild guild, string folder)
    {
        var host = BotHost.CreateBuilder(
        [
            $"--Discord:Token={emulator.BotToken}",
            $"--Discord:ApiBaseUrl={emulator.ApiBaseUrl}",
            $"--Discord:DevelopmentGuildId={guild.GuildId}",
            $"--Storage:DataFolder={folder}",
            "--Abuse:CommandsPerWindow=1000",
        ]).Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Sends a slash command as <paramref name="user"/> and returns the interaction once the bot has answered it.</summary>
    public async Task<InteractionRecord> CommandAsync(string user, string name, JsonArray? options = null, string channel = "film-night")
    {
        var sent = await Control.SendCommandAsync(Guild.GuildId, Guild.Channels[channel], Guild.Users[user], name, options);
        return await AnsweredAsync(sent.Id);
    }

    public async Task<InteractionRecord> ComponentAsync(string user, string customId, string messageId, IReadOnlyList<string>? values = null, string channel = "film-night")
    {
        var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = values is null ? 2 : 3 };
        if (values is not null)
        {
            data["values"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
        }

        var sent = await Control.SendInteractionAsync(new InteractionSpec(Guild.Channels[channel], Guild.Users[user], 3, data, Guild.GuildId, messageId));
        return await AnsweredAsync(sent.Id);
    }

    public async Task<InteractionRecord> AnsweredAsync(string id)
    {
        InteractionRecord record = null!;
        await WaitUntilAsync(async () => (record = await Control.GetInteractionAsync(id)).Callbacks.Count > 0 && (record.ResponseType is not 5 || record.Original?["content"] is not null || record.Followups.Count > 0), $"interaction {id} answered");
        return record;
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Gave up waiting for {what}.");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        Control.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
