using System.Text;
using ListeningClub.Bot.Rendering;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Features.Archive;

/// <summary>
/// The count as tables: the totals (plurality, approval), the votes per candidate per round (instant-runoff; a dash once
/// eliminated), or the pairwise preferences (Schulze). Totals only: who voted how is never in a count.
/// </summary>
internal static class ArchiveCountHtml
{
    public static void Write(StringBuilder html, TallyResult count, Func<string, string> name)
    {
        html.Append("<h2 id=\"count\">The count</h2>\n<p>").Append(ArchiveHtml.Text(CountSummary.Named(count, name))).Append("</p>\n");
        switch (count.Explanation)
        {
            case CountExplanation totals:
                html.Append("<table class=\"count\"><thead><tr><th>Candidate</th><th class=\"num\">")
                    .Append(count.Method == VotingMethod.Approval ? "Approvals" : "Votes").Append("</th></tr></thead><tbody>\n");
                foreach (var id in count.Ranking)
                {
                    var votes = totals.Counts.FirstOrDefault(c => c.CandidateId == id)?.Count ?? 0;
                    Row(html, name(id), id == count.Winner, [ArchiveHtml.Number(votes)]);
                }

                html.Append("</tbody></table>\n");
                break;
            case InstantRunoffExplanation runoff:
                html.Append("<table class=\"count\"><thead><tr><th>Candidate</th>");
                foreach (var round in runoff.Rounds)
                {
                    html.Append("<th class=\"num\">Round ").Append(ArchiveHtml.Number(round.Number)).Append("</th>");
                }

                html.Append("</tr></thead><tbody>\n");
                foreach (var id in count.Ranking)
                {
                    var cells = runoff.Rounds.Select(round => round.Counts.FirstOrDefault(c => c.CandidateId == id) is { } votes ? ArchiveHtml.Number(votes.Count) : "—").ToList();
                    Row(html, name(id), id == count.Winner, cells);
                }

                html.Append("</tbody></table>\n");
                break;
            case SchulzeExplanation schulze:
                var candidates = schulze.Candidates;
                html.Append("<p class=\"meta\">Each cell: how many voters ranked the row's candidate above the column's.</p>\n<table class=\"count\"><thead><tr><th></th>");
                foreach (var id in candidates)
                {
                    html.Append("<th class=\"num\">").Append(ArchiveHtml.Text(name(id))).Append("</th>");
                }

                html.Append("</tr></thead><tbody>\n");
                foreach (var row in candidates)
                {
                    Row(html, name(row), row == count.Winner, [.. candidates.Select(column => row == column ? "—" : ArchiveHtml.Number(schulze.Pairwise[row, column]))]);
                }

                html.Append("</tbody></table>\n");
                break;
        }
    }

    private static void Row(StringBuilder html, string candidate, bool winner, IReadOnlyList<string> cells)
    {
        html.Append("<tr><th scope=\"row\">").Append(winner ? "<strong>" : "").Append(ArchiveHtml.Text(candidate)).Append(winner ? "</strong>" : "").Append("</th>");
        foreach (var cell in cells)
        {
            html.Append("<td class=\"num\">").Append(cell).Append("</td>");
        }

        html.Append("</tr>\n");
    }
}
