using System.Globalization;
using ZonePolicy.Compliance;

namespace ZonePolicy.Reporting.Compliance;

/// <summary>
/// Writes the compliance matrices of a <see cref="CheckResult"/> (checked with <see cref="CheckRequest.Compliance"/>)
/// in any <see cref="ComplianceFormat"/>: the same result always gives the same bytes.
/// </summary>
public static class ComplianceReporter
{
    /// <summary>Writes <paramref name="result"/>'s compliance matrices in <paramref name="format"/>: lines end in <c>\n</c>, CSV rows in CRLF as RFC 4180 has them.</summary>
    public static void Write(CheckResult result, ComplianceFormat format, TextWriter output)
    {
        switch (format)
        {
            case ComplianceFormat.Csv:
                ComplianceCsv.Write(result, output);
                break;
            case ComplianceFormat.Json:
                ComplianceJson.Write(result, output);
                break;
            case ComplianceFormat.Html:
                Html.HtmlReporter.Write(result, output);
                break;
            default:
                ComplianceMarkdown.Write(result, output);
                break;
        }
    }

    /// <summary>The statuses in the order reports count them.</summary>
    internal static readonly IReadOnlyList<ClauseStatus> Statuses =
        [ClauseStatus.Failed, ClauseStatus.EvidenceMissing, ClauseStatus.NotChecked, ClauseStatus.Waived, ClauseStatus.Attested, ClauseStatus.Passed, ClauseStatus.NotApplicable];

    /// <summary>Diagnostics that are no rule's finding (invalid input, missing or expired attestations) and so belong beside the matrix.</summary>
    internal static IEnumerable<Diagnostics.Diagnostic> Problems(CheckResult result) =>
        result.Diagnostics.Where(d => d.Rule is null && d.Severity >= Diagnostics.Severity.Warning);

    internal static string Counts(PackCompliance pack) =>
        string.Join(", ", Statuses.Select(s => (Status: s, Count: pack.Count(s))).Where(c => c.Count > 0).Select(c => $"{c.Count} {c.Status.Name()}"));

    internal static string Attestation(AttestationInfo attestation) =>
        $"attestation ({attestation.Status}{(attestation.Expired ? ", expired" : "")}): {attestation.Evidence} — {attestation.Owner}, {Day(attestation.Date)}, until {Day(attestation.Expires)}";

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Finding(Diagnostics.Diagnostic finding) => $"{finding.Id} {finding.Location}: {finding.Message}";
}
