namespace ListeningClub.Bot.Features.Archive;

/// <summary>The archive's one stylesheet, served from <c>/archive.css</c> (the Content-Security-Policy allows no inline style).</summary>
internal static class ArchiveStyles
{
    public const string Css = """
        :root { color-scheme: light dark; --muted: #6b6b6b; --line: #d0d0d0; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        a { color: inherit; }
        .muted, .meta { color: var(--muted); font-size: .9rem; }
        .picks { list-style: none; padding: 0; margin: 0; }
        .picks li { display: flex; gap: .75rem; align-items: flex-start; padding: .5rem 0; border-bottom: 1px solid var(--line); }
        .picks img, .cover { width: 4.5rem; height: auto; border-radius: 4px; flex: none; }
        .hero { display: flex; gap: 1rem; align-items: flex-start; flex-wrap: wrap; }
        .hero .cover { width: 10rem; }
        .title { font-weight: 600; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .95rem; }
        th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1rem 0; }
        img.chart { width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
        .local { color: var(--muted); font-size: .9rem; }
        .lead { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: .5rem 0 1rem; }
        .lead div { min-width: 7rem; }
        .lead strong { display: block; font-size: 1.5rem; }
        code { font-size: .8rem; word-break: break-all; }
        .ok { color: #1b7f3b; font-weight: 600; }
        .bad { color: #b3261e; font-weight: 600; }
        blockquote { margin: .25rem 0 .75rem; padding-left: .75rem; border-left: 3px solid var(--line); white-space: pre-wrap; }
        footer { margin: 3rem 0 1rem; color: var(--muted); font-size: .85rem; }
        """;
}
