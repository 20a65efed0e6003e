namespace ListeningClub.Bot.Features.Archive;

/// <summary>
/// The archive's one script, served from <c>/archive.js</c> (the Content-Security-Policy allows same-origin scripts
/// only, never inline ones). It adds, after each <c>&lt;time datetime&gt;</c>, the same moment in the reader's own time
/// zone, as the reader's browser knows it. The pages are complete without it (UTC and the track's zone are in the HTML).
/// It writes text only (<c>textContent</c>), never markup.
/// </summary>
internal static class ArchiveScript
{
    public const string Js = """
        "use strict";
        (function () {
          var format = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
          document.querySelectorAll("time[datetime]").forEach(function (time) {
            var at = new Date(time.getAttribute("datetime"));
            if (isNaN(at.getTime())) { return; }
            var local = document.createElement("span");
            local.className = "local";
            local.textContent = " · your time: " + format.format(at);
            time.insertAdjacentElement("afterend", local);
          });
        })();
        """;
}
