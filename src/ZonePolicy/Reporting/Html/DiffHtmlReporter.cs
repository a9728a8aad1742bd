using System.Text;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting.Html;

/// <summary>
/// <c>zpol diff</c> as one self-contained page, in the report's shell: what the change does to violations,
/// to the permitted paths into control zones, to the zone crossings and to the entities; or, when the inputs
/// are bad, what is wrong with them.
/// </summary>
internal static class DiffHtmlReporter
{
    public static void Write(DiffResult result, TextWriter output)
    {
        var sections = new List<PageSection>();
        if (result.Diagnostics.Count > 0)
        {
            sections.Add(new PageSection("inputs", result.InputInvalid ? "Input errors" : "Input diagnostics", html => WriteDiagnostics(html, result)));
        }

        if (!result.InputInvalid)
        {
            if (result.Checked)
            {
                sections.Add(new PageSection("violations", "Violations", html => WriteViolations(html, result)));
            }

            sections.Add(new PageSection("paths", "Permitted paths into control zones", html => WritePaths(html, result)));
            sections.Add(new PageSection("crossings", "Zone crossings", html => WriteCrossings(html, result)));
            sections.Add(new PageSection("entities", "Entities", html => WriteEntities(html, result)));
        }

        HtmlReporter.WritePage(
            output,
            $"ZonePolicy change review: {result.Request.Before} → {result.Request.After}",
            "ZonePolicy change review",
            html => WriteSummary(html, result),
            sections);
    }

    private static void WriteSummary(StringBuilder html, DiffResult result)
    {
        html.Append("<p class=\"file\">").Append(Html.Escape(result.Request.Before)).Append(" → ").Append(Html.Escape(result.Request.After)).Append("</p>\n");
        if (result.InputInvalid)
        {
            html.Append("<p class=\"counts\"><b class=\"sev-error\">the inputs are invalid: the change could not be reviewed</b></p>\n");
            return;
        }

        html.Append("<p class=\"counts\">");
        if (result.Checked)
        {
            html.Append("<span>violations: ").Append(DiffReporter.ViolationCounts(result)).Append("</span>");
        }

        html.Append("<span>paths into control zones: ").Append(DiffReporter.Opened(result.Paths.Select(p => p.Change))).Append("</span>")
            .Append("<span>zone crossings: ").Append(DiffReporter.Opened(result.Crossings.Select(c => c.Change))).Append("</span>")
            .Append("entities: ").Append(DiffReporter.Counts(result.Entities.Select(e => e.Change))).Append("</p>\n");
    }

    private static void WriteDiagnostics(StringBuilder html, DiffResult result)
    {
        html.Append("<table id=\"input-diagnostics\"><thead><tr><th>severity</th><th>id</th><th>message</th><th>location</th></tr></thead><tbody>\n");
        foreach (var diagnostic in DiagnosticOrder.Sort(result.Diagnostics))
        {
            html.Append("<tr><td class=\"sev-").Append(diagnostic.Severity.Name()).Append("\">").Append(diagnostic.Severity.Name()).Append("</td><td>")
                .Append(Html.HelpLink(diagnostic.Id, diagnostic.HelpUri)).Append("</td><td>").Append(Html.Escape(diagnostic.Message))
                .Append("</td><td class=\"file\">").Append(Html.Escape(diagnostic.Location.ToString())).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void WriteViolations(StringBuilder html, DiffResult result) => WriteTable(
        html,
        "violations-table",
        "The change introduces and fixes no violation.",
        ["", "severity", "rule", "message", "location"],
        DiffReporter.ViolationLists(result).SelectMany(group => DiagnosticOrder.Sort(group.List).Select(v => (Change: DiffReporter.ChangeWord(group.Sign), Violation: v))).ToList(),
        row => row.Change,
        (row, cells) =>
        {
            var violation = row.Violation;
            cells.Append("<td class=\"sev-").Append(violation.Severity.Name()).Append("\">").Append(violation.Severity.Name()).Append("</td><td>")
                .Append(Html.HelpLink(violation.Id, violation.HelpUri)).Append("</td><td>").Append(Html.Escape(violation.Message));
            if (violation.Witness.Count > 0)
            {
                cells.Append("<br><small>path: ").Append(Html.Escape(string.Join(" → ", violation.Witness.Select(s => s.EntityId)))).Append("</small>");
            }

            cells.Append("</td><td class=\"file\">").Append(Html.Escape(violation.Location.ToString())).Append("</td>");
        },
        row => $" data-rule=\"{Html.Escape(row.Violation.Id)}\"");

    private static void WritePaths(StringBuilder html, DiffResult result) => WriteTable(
        html,
        "paths-table",
        "The change opens and closes no permitted path into a control zone.",
        ["", "from", "to", "path"],
        result.Paths,
        path => DiffReporter.Verb(path.Change),
        (path, cells) =>
        {
            cells.Append("<td>").Append(Html.Escape(path.From)).Append("</td><td>").Append(Html.Escape(path.To)).Append("</td><td><code>").Append(Html.Escape(path.Text)).Append("</code>");
            if (path.Previous is { } previous)
            {
                cells.Append("<br><small>was <code>").Append(Html.Escape(previous)).Append("</code></small>");
            }

            // Each hop with what permits it (the allow rule, or the zone or conduit that permits everything), at its place.
            cells.Append("<ol class=\"hops\">");
            foreach (var hop in path.Steps.Where(s => s.Message is not null))
            {
                cells.Append("<li>").Append(Html.Escape(hop.Message!)).Append(" <small class=\"file\">").Append(Html.Escape(hop.Location.ToString())).Append("</small></li>");
            }

            cells.Append("</ol></td>");
        });

    private static void WriteCrossings(StringBuilder html, DiffResult result) => WriteTable(
        html,
        "crossings-table",
        "The change opens and closes no zone crossing.",
        ["", "from", "to", "through", "location"],
        result.Crossings,
        crossing => DiffReporter.Verb(crossing.Change),
        (crossing, cells) => cells.Append("<td>").Append(Html.Escape(crossing.From)).Append("</td><td>").Append(Html.Escape(crossing.To)).Append("</td><td>")
            .Append(Html.Escape(crossing.ThroughKind)).Append(" <code>").Append(Html.Escape(crossing.Through)).Append("</code></td><td class=\"file\">")
            .Append(Html.Escape(crossing.Location.ToString())).Append("</td>"));

    private static void WriteEntities(StringBuilder html, DiffResult result) => WriteTable(
        html,
        "entities-table",
        "The change adds, removes and changes no entity.",
        ["", "kind", "id", "attributes", "location"],
        result.Entities,
        entity => DiffReporter.Name(entity.Change),
        (entity, cells) => cells.Append("<td>").Append(Html.Escape(entity.Kind)).Append("</td><td><code>").Append(Html.Escape(entity.Id)).Append("</code></td><td>")
            .Append(Html.Escape(string.Join(", ", entity.Attributes))).Append("</td><td class=\"file\">").Append(Html.Escape(entity.Location.ToString())).Append("</td>"));

    /// <summary>A table of changes, one row each, its first cell the change word; a line saying so when there are none.</summary>
    private static void WriteTable<T>(
        StringBuilder html,
        string id,
        string none,
        IReadOnlyList<string> headers,
        IReadOnlyList<T> rows,
        Func<T, string> change,
        Action<T, StringBuilder> cells,
        Func<T, string>? attributes = null)
    {
        if (rows.Count == 0)
        {
            html.Append("<p class=\"none\">").Append(none).Append("</p>\n");
            return;
        }

        html.Append("<table id=\"").Append(id).Append("\"><thead><tr>").AppendJoin("", headers.Select(h => $"<th>{h}</th>")).Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            var word = change(row);
            html.Append("<tr class=\"change-").Append(word).Append("\" data-change=\"").Append(word).Append('"').Append(attributes?.Invoke(row)).Append("><td>")
                .Append(word).Append("</td>");
            cells(row, html);
            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }
}
