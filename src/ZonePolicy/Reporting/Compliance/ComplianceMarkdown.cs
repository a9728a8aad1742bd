using ZonePolicy.Compliance;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting.Compliance;

/// <summary>
/// Per site and pack: a heading, the counts per status, and one table row per clause (clause, title, status,
/// why, the rules that automate it, its findings or attestation). Problems no rule reports (invalid input, missing
/// or expired attestations) come first, since they can change what the matrix says.
/// </summary>
internal static class ComplianceMarkdown
{
    public static void Write(CheckResult result, TextWriter output)
    {
        output.Write("# Compliance\n\n");
        if (result.Today is { } today)
        {
            output.Write($"Evaluated for {ComplianceReporter.Day(today)}.\n\n");
        }

        WriteProblems(result, output);
        if (result.Compliance.Sum(s => s.Packs.Count) == 0)
        {
            output.Write("No pack checked has a clause catalogue: there is no matrix to show.\n");
            return;
        }

        foreach (var site in result.Compliance)
        {
            foreach (var pack in site.Packs)
            {
                output.Write($"## {MarkdownText.Cell(pack.Title ?? pack.Pack)} — {MarkdownText.Cell(SiteName(site))}\n\n");
                output.Write($"Pack `{pack.Pack}`, site {MarkdownText.Code(site.File)}: {ComplianceReporter.Counts(pack)}.\n\n");
                output.Write("| clause | title | status | why | rules | findings or evidence |\n|---|---|---|---|---|---|\n");
                foreach (var clause in pack.Clauses)
                {
                    output.Write($"| {MarkdownText.Code(clause.Id)} | {MarkdownText.Cell(clause.Title)} | **{clause.Status.Name()}** | {MarkdownText.Cell(clause.Reason ?? "")} | "
                        + $"{string.Join(", ", clause.Rules.Select(MarkdownText.Code))} | {Evidence(clause)} |\n");
                }

                output.Write('\n');
            }
        }
    }

    private static void WriteProblems(CheckResult result, TextWriter output)
    {
        var problems = ComplianceReporter.Problems(result).ToList();
        if (result.InputInvalid)
        {
            output.Write("**The inputs are invalid: the check could not run in full, and the matrix below may be incomplete.**\n\n");
        }

        if (problems.Count == 0)
        {
            return;
        }

        output.Write("Problems to fix before the matrix can be trusted:\n\n");
        foreach (var problem in problems)
        {
            output.Write($"- {problem.Severity.Name()} {MarkdownText.Code(problem.Id)} {MarkdownText.Code(problem.Location.ToString())}: {MarkdownText.Cell(problem.Message)}\n");
        }

        output.Write('\n');
    }

    private static string Evidence(ClauseResult clause)
    {
        var findings = clause.Findings.Select(f => MarkdownText.Cell(ComplianceReporter.Finding(f)));
        var attestation = clause.Attestation is { } a
            ? [MarkdownText.Cell(ComplianceReporter.Attestation(a))]
            : Array.Empty<string>();
        return string.Join("<br>", findings.Concat(attestation));
    }

    private static string SiteName(SiteCompliance site) => site.SiteName ?? site.SiteId ?? Path.GetFileName(site.File);
}
