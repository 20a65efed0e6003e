using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ListeningClub.Sandbox.Web;

/// <summary>What rendering a channel's messages needs: who reads them, names for mentions, the reader's poll answers.</summary>
public sealed record ReaderContext(string ActorId, MentionNames Names, IReadOnlyDictionary<string, IReadOnlyList<int>> MyPollAnswers);

/// <summary>
/// A channel's messages as a Discord client shows them to one member: ephemeral messages only to the member they were
/// for; content, embeds (pictures the bot uploaded, served from the sandbox), attachments, buttons, select menus, polls
/// and the thread started from a message. Every text is HTML-escaped (through <see cref="DiscordMarkdown"/> or
/// <see cref="E"/>); clickable parts carry data attributes the page's script sends back, never script of their own.
/// </summary>
public static class MessageHtml
{
    private const long Ephemeral = 1 << 6;
    private const long Loading = 1 << 7;

    /// <summary>Whether <paramref name="actorId"/> sees the message: everyone sees public ones; an ephemeral one only its member.</summary>
    public static bool IsVisibleTo(JsonObject message, string actorId)
    {
        ArgumentNullException.ThrowIfNull(message);
        var flags = N(message["flags"]) ?? 0;
        return (flags & Ephemeral) == 0 || string.Equals(message["interaction_metadata"]?["user"]?["id"]?.GetValue<string>(), actorId, StringComparison.Ordinal);
    }

    public static string Render(IEnumerable<JsonObject> messages, ReaderContext reader)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(reader);
        var html = new StringBuilder();
        var any = false;
        foreach (var message in messages.Where(m => IsVisibleTo(m, reader.ActorId)))
        {
            any = true;
            Message(html, message, reader);
        }

        if (!any)
        {
            html.Append("<p class=\"empty\">No messages here yet.</p>");
        }

        return html.ToString();
    }

    private static void Message(StringBuilder html, JsonObject m, ReaderContext reader)
    {
        var id = S(m["id"]);
        var flags = N(m["flags"]) ?? 0;
        var author = m["author"] as JsonObject;
        var authorName = author?["global_name"]?.GetValue<string>() ?? S(author?["username"]);
        var isBot = author?["bot"]?.GetValue<bool>() == true;
        var ephemeral = (flags & Ephemeral) != 0;
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"message{(ephemeral ? " ephemeral" : "")}\" id=\"m-{E(id)}\" data-message=\"{E(id)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"avatar{(isBot ? " bot" : "")}\" aria-hidden=\"true\">{E(Initial(authorName))}</div><div class=\"message-body\">");
        if (m["interaction_metadata"] is JsonObject used)
        {
            var who = used["user"]?["username"]?.GetValue<string>() ?? "someone";
            var what = ((int?)N(used["type"]) ?? 2) switch
            {
                2 => "used a command",
                3 => "used a button or menu",
                5 => "sent a form",
                _ => "interacted",
            };
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"used\">↳ <span class=\"mention\">@{E(who)}</span> {what}</div>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<header><span class=\"author\">{E(authorName)}</span>");
        if (isBot)
        {
            html.Append("<span class=\"tag\">APP</span>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<time datetime=\"{E(S(m["timestamp"]))}\">{E(Clock(S(m["timestamp"])))}</time></header>");
        if ((flags & Loading) != 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"content loading\">{E(authorName)} is thinking…</div>");
        }

        var content = S(m["content"]);
        if (content.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"content\">{DiscordMarkdown.ToHtml(content, reader.Names)}</div>");
        }

        var attachments = (m["attachments"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var embed in (m["embeds"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Embed(html, embed, attachments, reader.Names);
        }

        var shownInEmbeds = (m["embeds"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(e => new[] { S(e["image"]?["url"]), S(e["thumbnail"]?["url"]) })
            .Where(u => u.StartsWith("attachment://", StringComparison.Ordinal))
            .Select(u => u["attachment://".Length..])
            .ToHashSet(StringComparer.Ordinal);
        foreach (var attachment in attachments.Where(a => !shownInEmbeds.Contains(S(a["filename"]))))
        {
            Attachment(html, attachment);
        }

        if (m["poll"] is JsonObject poll)
        {
            Poll(html, poll, reader.MyPollAnswers.GetValueOrDefault(id) ?? []);
        }

        Components(html, m["components"] as JsonArray ?? [], reader.Names);
        if (m["thread"] is JsonObject thread)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a class=\"thread-link\" href=\"{E(PageHtml.Link(S(thread["id"]), reader.ActorId))}\">🧵 {E(S(thread["name"]))}</a>");
        }

        if (ephemeral)
        {
            html.Append("<div class=\"only-you\">👁 Only you can see this</div>");
        }

        html.Append("</div></article>");
    }

    private static void Embed(StringBuilder html, JsonObject embed, List<JsonObject> attachments, MentionNames names)
    {
        var color = N(embed["color"]) is { } rgb ? $"#{rgb & 0xFFFFFF:x6}" : "";
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"embed\" data-color=\"{E(color)}\"><div class=\"embed-main\">");
        if (embed["author"]?["name"] is JsonValue authorName)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"embed-author\">{E(S(authorName))}</div>");
        }

        if (embed["title"] is JsonValue title)
        {
            var url = S(embed["url"]);
            html.Append(IsWebLink(url)
                ? $"<div class=\"embed-title\"><a href=\"{E(url)}\" rel=\"noopener noreferrer\" target=\"_blank\">{DiscordMarkdown.ToHtml(S(title), names)}</a></div>"
                : $"<div class=\"embed-title\">{DiscordMarkdown.ToHtml(S(title), names)}</div>");
        }

        if (embed["description"] is JsonValue description)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"embed-description\">{DiscordMarkdown.ToHtml(S(description), names)}</div>");
        }

        var fields = (embed["fields"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (fields.Count > 0)
        {
            html.Append("<div class=\"embed-fields\">");
            foreach (var field in fields)
            {
                var inline = field["inline"]?.GetValue<bool>() == true;
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"field{(inline ? " inline" : "")}\"><div class=\"field-name\">{DiscordMarkdown.ToHtml(S(field["name"]), names)}</div><div class=\"field-value\">{DiscordMarkdown.ToHtml(S(field["value"]), names)}</div></div>");
            }

            html.Append("</div>");
        }

        if (embed["image"]?["url"] is JsonValue image)
        {
            Picture(html, S(image), "embed-image", attachments, S(embed["title"]));
        }

        if (embed["footer"]?["text"] is JsonValue footer)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"embed-footer\">{E(S(footer))}</div>");
        }

        html.Append("</div>");
        if (embed["thumbnail"]?["url"] is JsonValue thumbnail)
        {
            Picture(html, S(thumbnail), "embed-thumbnail", attachments, S(embed["title"]));
        }

        html.Append("</div>");
    }

    /// <summary>
    /// An uploaded file (<c>attachment://name</c>) is shown from the sandbox; a picture elsewhere on the web is only a
    /// link, since the sandbox loads nothing from outside the machine.
    /// </summary>
    private static void Picture(StringBuilder html, string url, string cssClass, List<JsonObject> attachments, string title)
    {
        if (url.StartsWith("attachment://", StringComparison.Ordinal))
        {
            var name = url["attachment://".Length..];
            if (attachments.FirstOrDefault(a => S(a["filename"]) == name) is { } attachment)
            {
                var alt = S(attachment["description"]) is { Length: > 0 } d ? d : $"Picture: {title}";
                html.Append(CultureInfo.InvariantCulture, $"<img class=\"{cssClass}\" src=\"{E(LocalUrl(attachment))}\" alt=\"{E(alt)}\">");
            }

            return;
        }

        if (IsWebLink(url))
        {
            html.Append(CultureInfo.InvariantCulture, $"<a class=\"{cssClass} external\" href=\"{E(url)}\" rel=\"noopener noreferrer\" target=\"_blank\">🖼 picture (on the web)</a>");
        }
    }

    private static void Attachment(StringBuilder html, JsonObject attachment)
    {
        var name = S(attachment["filename"]);
        var url = LocalUrl(attachment);
        if (SandboxAttachments.IsPicture(S(attachment["content_type"])))
        {
            var alt = S(attachment["description"]) is { Length: > 0 } d ? d : name;
            html.Append(CultureInfo.InvariantCulture, $"<img class=\"attachment\" src=\"{E(url)}\" alt=\"{E(alt)}\">");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<a class=\"attachment file\" href=\"{E(url)}\" download>📎 {E(name)}</a>");
        }
    }

    private static string LocalUrl(JsonObject attachment) =>
        $"/attachments/{Uri.EscapeDataString(S(attachment["id"]))}/{Uri.EscapeDataString(S(attachment["filename"]))}";

    private static void Poll(StringBuilder html, JsonObject poll, IReadOnlyList<int> mine)
    {
        var finalized = poll["results"]?["is_finalized"]?.GetValue<bool>() == true;
        var counts = (poll["results"]?["answer_counts"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(a => (int?)N(a["id"]) ?? 0, a => (int?)N(a["count"]) ?? 0);
        var total = counts.Values.Sum();
        var multi = poll["allow_multiselect"]?.GetValue<bool>() == true;
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"poll\" data-multiselect=\"{(multi ? "true" : "false")}\"><div class=\"poll-question\">{E(S(poll["question"]?["text"]))}</div><ul class=\"poll-answers\">");
        foreach (var answer in (poll["answers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var answerId = (int?)N(answer["answer_id"]) ?? 0;
            var count = counts.GetValueOrDefault(answerId);
            var chosen = mine.Contains(answerId);
            var text = $"{S(answer["poll_media"]?["emoji"]?["name"])} {S(answer["poll_media"]?["text"])}".Trim();
            html.Append(CultureInfo.InvariantCulture, $"<li><button type=\"button\" class=\"poll-answer{(chosen ? " chosen" : "")}\" data-poll-answer=\"{answerId}\" aria-pressed=\"{(chosen ? "true" : "false")}\"{(finalized ? " disabled" : "")}><span class=\"answer-text\">{E(text)}</span><span class=\"answer-count\">{count} vote{(count == 1 ? "" : "s")}</span></button></li>");
        }

        var expiry = S(poll["expiry"]);
        html.Append(CultureInfo.InvariantCulture, $"</ul><div class=\"poll-footer\">{total} vote{(total == 1 ? "" : "s")} · {(finalized ? "Poll closed" : multi ? "Select one or more answers" : "Select one answer")}{(expiry.Length > 0 && !finalized ? " · ends " + E(Clock(expiry)) : "")}</div></div>");
    }

    private static void Components(StringBuilder html, JsonArray rows, MentionNames names)
    {
        foreach (var row in rows.OfType<JsonObject>())
        {
            html.Append("<div class=\"component-row\">");
            foreach (var component in (row["components"] as JsonArray ?? []).OfType<JsonObject>())
            {
                Component(html, component, names);
            }

            html.Append("</div>");
        }
    }

    private static void Component(StringBuilder html, JsonObject component, MentionNames names)
    {
        var type = (int?)N(component["type"]) ?? 0;
        var customId = S(component["custom_id"]);
        var disabled = component["disabled"]?.GetValue<bool>() == true ? " disabled" : "";
        switch (type)
        {
            case 2:
                var style = (int?)N(component["style"]) ?? 2;
                var label = $"{S(component["emoji"]?["name"])} {S(component["label"])}".Trim();
                if (style == 5)
                {
                    var url = S(component["url"]);
                    html.Append(IsWebLink(url)
                        ? $"<a class=\"button link\" href=\"{E(url)}\" rel=\"noopener noreferrer\" target=\"_blank\">{E(label)} ↗</a>"
                        : $"<span class=\"button link\">{E(label)}</span>");
                }
                else
                {
                    html.Append(CultureInfo.InvariantCulture, $"<button type=\"button\" class=\"button style-{style}\" data-custom-id=\"{E(customId)}\" data-component-type=\"2\"{disabled}>{E(label)}</button>");
                }

                break;
            case 3 or 5 or 6 or 7 or 8:
                var options = type switch
                {
                    3 => (component["options"] as JsonArray ?? []).OfType<JsonObject>()
                        .Select(o => (Value: S(o["value"]), Label: S(o["label"]), Description: S(o["description"]), Default: o["default"]?.GetValue<bool>() == true))
                        .ToList(),
                    5 => names.Users.Select(u => (Value: u.Key, Label: u.Value, Description: "", Default: false)).ToList(),
                    6 => names.Roles.Select(r => (Value: r.Key, Label: r.Value, Description: "", Default: false)).ToList(),
                    8 => names.Channels.Select(r => (Value: r.Key, Label: "#" + r.Value, Description: "", Default: false)).ToList(),
                    _ => [.. names.Users.Select(u => (Value: u.Key, Label: u.Value, Description: "", Default: false)), .. names.Roles.Select(r => (Value: r.Key, Label: "@" + r.Value, Description: "", Default: false))],
                };
                var min = (int?)N(component["min_values"]) ?? 1;
                var max = (int?)N(component["max_values"]) ?? 1;
                var placeholder = S(component["placeholder"]) is { Length: > 0 } p ? p : "Make a selection";
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"select\"><select data-custom-id=\"{E(customId)}\" data-component-type=\"{type}\" data-min=\"{min}\" data-max=\"{max}\" aria-label=\"{E(placeholder)}\"{(max > 1 ? " multiple" : "")}{disabled}>");
                if (max <= 1)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<option value=\"\"{(options.Any(o => o.Default) ? "" : " selected")}>{E(placeholder)}</option>");
                }

                foreach (var option in options)
                {
                    var text = option.Description.Length > 0 ? $"{option.Label} — {option.Description}" : option.Label;
                    html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(option.Value)}\"{(option.Default ? " selected" : "")}>{E(text)}</option>");
                }

                html.Append("</select>");
                if (max > 1)
                {
                    html.Append("<button type=\"button\" class=\"button style-2 apply-select\">Apply</button>");
                }

                html.Append("</div>");
                break;
            default:
                break;
        }
    }

    private static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Initial(string name) => name.Length == 0 ? "?" : char.ToUpperInvariant(name[0]).ToString();

    private static string Clock(string timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime().ToString("ddd d MMM, HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : timestamp;

    /// <summary>A number, whether the JSON was parsed or built in memory (where GetValue is strict about the type).</summary>
    private static long? N(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<long>(out var l) ? l : v.TryGetValue<int>(out var i) ? i : long.TryParse(v.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null
        : null;

    private static string S(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToString() ?? "";

    /// <summary>HTML-escapes text for element content and quoted attributes.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
