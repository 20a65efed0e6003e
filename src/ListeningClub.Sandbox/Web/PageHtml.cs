using System.Globalization;
using System.Text;
using ListeningClub.Discord.Emulator.Control;
using ListeningClub.Sandbox.Demo;
using ListeningClub.Sandbox.Members;
using static ListeningClub.Sandbox.Web.MessageHtml;

namespace ListeningClub.Sandbox.Web;

/// <summary>What one page shows: the server, the open channel, who the reader acts as, and the channel's messages (already HTML).</summary>
public sealed record PageModel(
    GuildView Guild,
    ChannelView Channel,
    DemoMember Actor,
    IReadOnlyList<DemoMember> Members,
    DemoTrack? Track,
    string MessagesHtml,
    CommandCatalogue Commands,
    TimeSpan Autoplay,
    long Version);

/// <summary>
/// The page, server-rendered: the channel list with threads, the channel's messages, the member switcher, the
/// slash-command composer and the time controls. One stylesheet and one script, both from the sandbox's origin
/// (the Content-Security-Policy allows nothing else); no inline script or style.
/// </summary>
public static class PageHtml
{
    public static string Link(string channelId, string actorId) =>
        $"/?channel={Uri.EscapeDataString(channelId)}&as={Uri.EscapeDataString(actorId)}";

    public static string Page(PageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(ChannelTitle(model.Channel, model.Actor))} · {E(model.Guild.Name)} · ListeningClub sandbox</title>");
        html.Append("<link rel=\"icon\" href=\"/assets/icon.svg\"><link rel=\"stylesheet\" href=\"/assets/sandbox.css\"></head>");
        html.Append(CultureInfo.InvariantCulture, $"<body data-channel=\"{E(model.Channel.Id)}\" data-as=\"{E(model.Actor.Id)}\" data-version=\"{model.Version}\">");
        html.Append("<div class=\"app\">");

        html.Append(CultureInfo.InvariantCulture, $"<nav class=\"sidebar\" aria-label=\"Channels\"><div class=\"server-name\">{E(model.Guild.Name)}</div><div id=\"channels\">");
        html.Append(Channels(model.Guild, model.Channel.Id, model.Actor));
        html.Append("</div><p class=\"sandbox-note\">Sandbox: an emulated Discord server on this machine. Nothing leaves it.</p></nav>");

        html.Append("<main class=\"chat\">");
        html.Append(CultureInfo.InvariantCulture, $"<header class=\"channel-header\"><h1>{E(ChannelTitle(model.Channel, model.Actor))}</h1>");
        if (model.Track is { } track)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"track-name\">{E(track.Name)}</span>");
        }

        html.Append("<div class=\"time-controls\">");
        if (model.Track is { } current)
        {
            html.Append(CultureInfo.InvariantCulture, $"<button type=\"button\" id=\"advance\" class=\"button style-1\" data-track=\"{E(current.Name)}\" title=\"/club advance as the club manager\">⏭ Run the next step</button>");
        }

        html.Append("<label class=\"autoplay\">Autoplay <select id=\"autoplay\" aria-label=\"Autoplay speed\">");
        foreach (var seconds in Autoplay.Choices)
        {
            var selected = (int)model.Autoplay.TotalSeconds == seconds ? " selected" : "";
            var label = seconds == 0 ? "off" : $"a step every {seconds} s";
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{seconds}\"{selected}>{label}</option>");
        }

        html.Append("</select></label></div></header>");
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"messages\" class=\"messages\" aria-live=\"polite\" aria-label=\"Messages\">{model.MessagesHtml}</section>");
        html.Append(Composer(model));
        html.Append("</main>");

        html.Append("<aside class=\"members\" aria-label=\"Act as\"><h2>Act as</h2><ul>");
        foreach (var member in model.Members)
        {
            var active = member.Id == model.Actor.Id;
            html.Append(CultureInfo.InvariantCulture, $"<li><a class=\"member{(active ? " active" : "")}\" href=\"{E(Link(model.Channel.Type == 1 ? DefaultChannel(model) : model.Channel.Id, member.Id))}\"{(active ? " aria-current=\"true\"" : "")}><span class=\"avatar small\" aria-hidden=\"true\">{E(member.Name[..1])}</span>{E(member.Label)}</a></li>");
        }

        html.Append("</ul></aside></div>");
        html.Append("<dialog id=\"modal\" aria-labelledby=\"modal-title\"></dialog>");
        html.Append("<script src=\"/assets/sandbox.js\"></script></body></html>");
        return html.ToString();
    }

    /// <summary>The channel list: text and forum channels with their threads under them, then the reader's direct messages with the bot.</summary>
    public static string Channels(GuildView guild, string currentId, DemoMember actor)
    {
        ArgumentNullException.ThrowIfNull(guild);
        ArgumentNullException.ThrowIfNull(actor);
        var html = new StringBuilder("<ul class=\"channel-list\">");
        var threads = guild.Channels.Where(c => c.Type is 10 or 11 or 12).ToLookup(c => c.ParentId ?? "");
        foreach (var channel in guild.Channels.Where(c => c.Type is 0 or 5 or 15).OrderBy(c => c.Position))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{ChannelLink(channel, currentId, actor.Id, channel.Type == 15 ? "💬 " : "# ", "channel")}");
            var under = threads[channel.Id].ToList();
            if (under.Count > 0)
            {
                html.Append("<ul class=\"threads\">");
                foreach (var thread in under)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{ChannelLink(thread, currentId, actor.Id, "🧵 ", "thread")}</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
        if (guild.Members.FirstOrDefault(m => m.Id == actor.Id)?.DmChannelId is { } dm)
        {
            var active = dm == currentId;
            html.Append(CultureInfo.InvariantCulture, $"<h2 class=\"dm-heading\">Direct messages</h2><ul class=\"channel-list\"><li><a class=\"channel{(active ? " active" : "")}\" href=\"{E(Link(dm, actor.Id))}\">✉ ClubBot</a></li></ul>");
        }

        return html.ToString();
    }

    private static string ChannelLink(ChannelView channel, string currentId, string actorId, string sigil, string cssClass)
    {
        var active = channel.Id == currentId;
        return $"<a class=\"{cssClass}{(active ? " active" : "")}\" href=\"{E(Link(channel.Id, actorId))}\"{(active ? " aria-current=\"page\"" : "")}>{E(sigil)}{E(channel.Name)}</a>";
    }

    private static string ChannelTitle(ChannelView channel, DemoMember actor) => channel.Type switch
    {
        1 => $"ClubBot → {actor.Name}",
        10 or 11 or 12 => "🧵 " + channel.Name,
        _ => "# " + channel.Name,
    };

    private static string DefaultChannel(PageModel model) => model.Guild.Channels.First(c => c.Type == 0).Id;

    private static string Composer(PageModel model)
    {
        var html = new StringBuilder("<form id=\"composer\" class=\"composer\" autocomplete=\"off\">");
        if (model.Channel.Type == 1)
        {
            html.Append("<p class=\"composer-note\">The bot's commands work in the server's channels.</p></form>");
            return html.ToString();
        }

        html.Append(CultureInfo.InvariantCulture, $"<div class=\"composer-row\"><span class=\"slash\" aria-hidden=\"true\">/</span><select id=\"command\" name=\"command\" aria-label=\"Slash command\"><option value=\"\">Choose a command, as {E(model.Actor.Name)}…</option>");
        foreach (var path in model.Commands.Paths)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(path.Path)}\">/{E(path.Path)} — {E(path.Description)}</option>");
        }

        html.Append("</select><button type=\"submit\" id=\"send\" class=\"button style-1\">Send</button></div>");
        html.Append("<div id=\"command-options\" class=\"command-options\"></div><p id=\"composer-status\" class=\"composer-status\" role=\"status\"></p></form>");
        return html.ToString();
    }
}
