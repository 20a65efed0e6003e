using System.Text.Json.Nodes;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Sandbox.Demo;
using ListeningClub.Sandbox.Members;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using static ListeningClub.Sandbox.Web.SandboxWeb;

namespace ListeningClub.Sandbox.Web;

/// <summary>The page's routes. The reader is whoever <c>as</c> names (a member of the demo server), reading <c>channel</c>.</summary>
public static class SandboxEndpoints
{
    public sealed record CommandRequest(string As, string Channel, string Path, Dictionary<string, string>? Values);

    public sealed record SuggestRequest(string As, string Channel, string Path, Dictionary<string, string>? Values, string Focused);

    public sealed record ComponentRequest(string As, string Channel, string Message, string CustomId, int Type, List<string>? Values);

    public sealed record ModalRequest(string As, string Channel, string? Message, string CustomId, Dictionary<string, string>? Fields);

    public sealed record VoteRequest(string As, string Channel, string Message, List<int>? Answers);

    public sealed record AdvanceRequest(string Track, string Channel);

    public sealed record AutoplayRequest(int Seconds);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (string? channel, string? @as, Parts parts, CancellationToken ct) =>
        {
            var model = await ModelAsync(parts, channel, @as, ct).ConfigureAwait(false);
            return Results.Content(PageHtml.Page(model), "text/html; charset=utf-8");
        });

        app.MapGet("/view", async (string? channel, string? @as, Parts parts, CancellationToken ct) =>
        {
            var model = await ModelAsync(parts, channel, @as, ct).ConfigureAwait(false);
            return Results.Json(new JsonObject
            {
                ["channels"] = PageHtml.Channels(model.Guild, model.Channel.Id, model.Actor),
                ["messages"] = model.MessagesHtml,
                ["version"] = model.Version,
            });
        });

        app.MapGet("/events", (HttpContext context, long? after, Parts parts, IHostApplicationLifetime lifetime) =>
            EventsAsync(context, parts, after, lifetime.ApplicationStopping));

        app.MapGet("/attachments/{id}/{fileName}", (string id, string fileName, Parts parts, CancellationToken ct) =>
            SandboxAttachments.ServeAsync(parts.Emulator, id, fileName, ct));

        app.MapGet("/assets/{name}", (string name) => Asset(name));

        app.MapGet("/api/commands", async (Parts parts, CancellationToken ct) =>
        {
            var catalogue = await parts.Actions.CatalogueAsync(ct: ct).ConfigureAwait(false);
            var guild = await parts.Control.GuildAsync(parts.Demo.GuildId, ct).ConfigureAwait(false);
            return Results.Json(new JsonObject
            {
                ["commands"] = new JsonArray(catalogue.Paths.Select(p => (JsonNode)new JsonObject
                {
                    ["path"] = p.Path,
                    ["description"] = p.Description,
                    ["options"] = p.Options.DeepClone(),
                }).ToArray()),
                ["channels"] = Pairs(guild.Channels.Where(c => c.Type is 0 or 5 or 15 or 10 or 11 or 12).Select(c => (c.Id, c.Name))),
                ["members"] = Pairs(guild.Members.Select(m => (m.Id, m.Username))),
                ["roles"] = Pairs(guild.Roles.Select(r => (r.Id, r.Name))),
            });
        });

        app.MapPost("/api/command", async (CommandRequest request, Parts parts, CancellationToken ct) =>
        {
            if (await ActorInAsync(parts, request.As, request.Channel, ct).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            return Outcome(await parts.Actions.CommandAsync(request.As, request.Channel, request.Path ?? "", request.Values ?? [], ct).ConfigureAwait(false));
        });

        app.MapPost("/api/suggest", async (SuggestRequest request, Parts parts, CancellationToken ct) =>
        {
            if (await ActorInAsync(parts, request.As, request.Channel, ct).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            var choices = await parts.Actions.SuggestAsync(request.As, request.Channel, request.Path ?? "", request.Values ?? [], request.Focused ?? "", ct).ConfigureAwait(false);
            return Results.Json(new JsonObject { ["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["value"] = c.Value }).ToArray()) });
        });

        app.MapPost("/api/component", async (ComponentRequest request, Parts parts, CancellationToken ct) =>
        {
            if (await ActorInAsync(parts, request.As, request.Channel, ct).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            return Outcome(await parts.Actions.ComponentAsync(request.As, request.Channel, request.Message, request.CustomId, request.Type, request.Values, ct).ConfigureAwait(false));
        });

        app.MapPost("/api/modal", async (ModalRequest request, Parts parts, CancellationToken ct) =>
        {
            if (await ActorInAsync(parts, request.As, request.Channel, ct).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            var message = string.IsNullOrEmpty(request.Message) ? null : request.Message;
            return Outcome(await parts.Actions.SubmitModalAsync(request.As, request.Channel, message, request.CustomId, request.Fields ?? [], ct).ConfigureAwait(false));
        });

        app.MapPost("/api/vote", async (VoteRequest request, Parts parts, CancellationToken ct) =>
        {
            if (await ActorInAsync(parts, request.As, request.Channel, ct).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            try
            {
                await parts.Actions.VoteAsync(request.As, request.Channel, request.Message, request.Answers ?? [], ct).ConfigureAwait(false);
                return Results.Json(new JsonObject());
            }
            catch (HttpRequestException)
            {
                return Results.Json(Problem("This poll does not take votes any more."));
            }
        });

        // "Run the next step": /club advance for the track, sent by the club manager whoever the reader acts as.
        app.MapPost("/api/advance", async (AdvanceRequest request, Parts parts, CancellationToken ct) =>
        {
            var track = parts.Demo.Tracks.FirstOrDefault(t => t.Name == request.Track);
            var channel = track?.ChannelId ?? request.Channel;
            return Outcome(await parts.Actions.CommandAsync(parts.Demo.Manager.Id, channel, "club advance", new Dictionary<string, string> { ["track"] = request.Track ?? "" }, ct).ConfigureAwait(false));
        });

        app.MapPost("/api/autoplay", async (AutoplayRequest request, Parts parts) =>
        {
            if (!Autoplay.Choices.Contains(request.Seconds))
            {
                return Results.Json(Problem("Choose one of the speeds offered."), statusCode: StatusCodes.Status400BadRequest);
            }

            await parts.Autoplay.SetAsync(TimeSpan.FromSeconds(request.Seconds)).ConfigureAwait(false);
            return Results.Json(new JsonObject { ["seconds"] = request.Seconds });
        });
    }

    private static async Task<PageModel> ModelAsync(Parts parts, string? channelId, string? actorId, CancellationToken ct)
    {
        var demo = parts.Demo;
        var actor = demo.Member(actorId) ?? demo.Members[0];
        var version = await parts.Control.WaitForChangeAsync(long.MaxValue - 1, TimeSpan.Zero, ct).ConfigureAwait(false);
        var guild = await parts.Control.GuildAsync(demo.GuildId, ct).ConfigureAwait(false);
        var dm = guild.Members.FirstOrDefault(m => m.Id == actor.Id)?.DmChannelId;
        var channel = guild.Channels.FirstOrDefault(c => c.Id == channelId && c.Type != 4)
            ?? (dm is not null && dm == channelId ? new ChannelView(dm, "ClubBot", 1, null, 0, false) : null)
            ?? guild.Channels.First(c => c.Id == demo.Tracks[0].ChannelId);
        var trackChannel = channel.Type is 10 or 11 or 12 ? channel.ParentId : channel.Id;
        var messages = await parts.Control.MessagesAsync(channel.Id, ct).ConfigureAwait(false);
        var names = new MentionNames(
            guild.Members.ToDictionary(m => m.Id, m => m.Username, StringComparer.Ordinal),
            guild.Channels.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal),
            guild.Roles.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal),
            parts.Time.GetUtcNow());
        var reader = new ReaderContext(actor.Id, names, parts.Actions.PollAnswersOf(actor.Id));
        var html = MessageHtml.Render(messages.Select(m => m.Message), reader);
        var catalogue = await parts.Actions.CatalogueAsync(ct: ct).ConfigureAwait(false);
        return new PageModel(guild, channel, actor, demo.Members, demo.TrackIn(trackChannel), html, catalogue, parts.Autoplay.Interval, version);
    }

    /// <summary>Null when <paramref name="actorId"/> is a demo member who may act in <paramref name="channelId"/>; else the refusal.</summary>
    private static async Task<IResult?> ActorInAsync(Parts parts, string? actorId, string? channelId, CancellationToken ct)
    {
        if (parts.Demo.Member(actorId) is null)
        {
            return Results.Json(Problem("Act as one of the demo server's members."), statusCode: StatusCodes.Status400BadRequest);
        }

        var guild = await parts.Control.GuildAsync(parts.Demo.GuildId, ct).ConfigureAwait(false);
        var allowed = guild.Channels.Any(c => c.Id == channelId) || guild.Members.Any(m => m.Id == actorId && m.DmChannelId == channelId);
        return allowed ? null : Results.Json(Problem("Unknown channel."), statusCode: StatusCodes.Status400BadRequest);
    }

    private static IResult Outcome(ActionOutcome outcome) =>
        Results.Json(new JsonObject { ["modal"] = outcome.Modal?.DeepClone(), ["problem"] = outcome.Problem });

    private static JsonArray Pairs(IEnumerable<(string Id, string Name)> items) =>
        new(items.Select(i => (JsonNode)new JsonObject { ["id"] = i.Id, ["name"] = i.Name }).ToArray());

    private static IResult Asset(string name)
    {
        var type = Path.GetExtension(name) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => null,
        };
        var stream = type is null ? null : typeof(SandboxEndpoints).Assembly.GetManifestResourceStream("ListeningClub.Sandbox.Assets." + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, type);
    }

}
