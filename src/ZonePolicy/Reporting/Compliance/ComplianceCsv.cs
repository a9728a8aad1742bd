using System.Text;
using ZonePolicy.Compliance;

namespace ZonePolicy.Reporting.Compliance;

/// <summary>
/// RFC 4180 CSV, one row per site, pack and clause: site, pack, clause, section, title, status, reason, rules,
/// the number of findings and each one, and the attestation's status, evidence, owner, date and expiry. A cell a
/// spreadsheet would take for a formula (one starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return) is prefixed with <c>'</c>, since topologies and rules are text a third party may have written.
/// </summary>
internal static class ComplianceCsv
{
    private static readonly string[] Header =
        ["site", "pack", "clause", "section", "title", "status", "reason", "rules", "findings", "finding details",
         "attestation", "evidence", "owner", "attested on", "expires"];

    public static void Write(CheckResult result, TextWriter output)
    {
        WriteRow(output, Header);
        foreach (var site in result.Compliance)
        {
            foreach (var pack in site.Packs)
            {
                foreach (var clause in pack.Clauses)
                {
                    var attestation = clause.Attestation;
                    WriteRow(output,
                    [
                        site.File, pack.Pack, clause.Id, clause.Section ?? "", clause.Title, clause.Status.Name(), clause.Reason ?? "",
                        string.Join(" ", clause.Rules), clause.Findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        string.Join("\n", clause.Findings.Select(ComplianceReporter.Finding)),
                        attestation is null ? "" : attestation.Expired ? $"{attestation.Status} (expired)" : attestation.Status,
                        attestation?.Evidence ?? "", attestation?.Owner ?? "",
                        attestation is null ? "" : ComplianceReporter.Day(attestation.Date),
                        attestation is null ? "" : ComplianceReporter.Day(attestation.Expires),
                    ]);
                }
            }
        }
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> cells)
    {
        output.Write(string.Join(",", cells.Select(Cell)));
        output.Write("\r\n");
    }

    internal static string Cell(string text)
    {
        var value = text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        var quoted = new StringBuilder(value.Length + 2).Append('"');
        quoted.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return quoted.Append('"').ToString();
    }
}
