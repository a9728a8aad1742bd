using System.Text;
using ZonePolicy.Compliance;
using ZonePolicy.Reporting.Compliance;

namespace ZonePolicy.Reporting.Html;

/// <summary>
/// Each site's compliance matrix, pack by pack: how each clause of the catalogue stands, why, the rules that
/// automate it, and its findings or attestation. Shown when the check worked out the matrix.
/// </summary>
internal sealed class ComplianceSection : IHtmlSection
{
    public string Id => "compliance";

    public string Title => "Compliance";

    public bool AppliesTo(HtmlReport report) => report.Result.Compliance.Any(site => site.Packs.Count > 0);

    public void Write(HtmlReport report, StringBuilder html)
    {
        foreach (var site in report.Result.Compliance)
        {
            foreach (var pack in site.Packs)
            {
                html.Append("<h3>").Append(Html.Escape(pack.Title ?? pack.Pack)).Append(" <span class=\"file\">")
                    .Append(Html.Escape(site.File)).Append("</span></h3>\n<p class=\"legend\">").Append(Html.Escape(ComplianceReporter.Counts(pack))).Append("</p>\n")
                    .Append("<table class=\"compliance\"><thead><tr><th>clause</th><th>title</th><th>status</th><th>why</th><th>rules</th><th>findings or evidence</th></tr></thead><tbody>\n");
                foreach (var clause in pack.Clauses)
                {
                    WriteRow(html, clause);
                }

                html.Append("</tbody></table>\n");
            }
        }
    }

    private static void WriteRow(StringBuilder html, ClauseResult clause)
    {
        html.Append("<tr data-status=\"").Append(clause.Status.Key()).Append("\"><td><code>").Append(Html.Escape(clause.Id)).Append("</code></td><td>")
            .Append(Html.Escape(clause.Title)).Append("</td><td class=\"clause-").Append(clause.Status.Key()).Append("\">").Append(clause.Status.Name())
            .Append("</td><td>").Append(Html.Escape(clause.Reason)).Append("</td><td>")
            .AppendJoin(", ", clause.Rules.Select(rule => $"<code>{Html.Escape(rule)}</code>")).Append("</td><td>")
            .AppendJoin("<br>", clause.Findings.Select(f => Html.Escape(ComplianceReporter.Finding(f)))
                .Concat(clause.Attestation is { } a ? [Html.Escape(ComplianceReporter.Attestation(a))] : []))
            .Append("</td></tr>\n");
    }
}
