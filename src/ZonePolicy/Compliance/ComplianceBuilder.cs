using System.Globalization;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;

namespace ZonePolicy.Compliance;

/// <summary>
/// What one checked site contributes to the matrix: its clause facts, and where its rules' findings are among the
/// check's findings in force (<paramref name="Findings"/>) and waived (<paramref name="Waived"/>).
/// </summary>
internal sealed record SiteFacts(SiteModel Site, IReadOnlyList<ClauseFacts> Clauses, Range Findings, Range Waived);

/// <summary>
/// Turns a site's clause facts and the findings the check reports for it into its compliance matrix. A clause
/// fails when a rule that automates it has a finding in force (whatever its severity: the severity decides a
/// build, not whether the clause is met) or an attestation says the site does not meet it; otherwise it is not
/// applicable, not checked (a rule that automates it is turned off with severity <c>none</c>, so the check reports
/// nothing of it), misses evidence, is waived (its findings are waived or in the baseline), attested, or passed.
/// </summary>
internal static class ComplianceBuilder
{
    /// <summary>
    /// The matrix of a site from the findings the check settled for it (null where a setting turned one off),
    /// in force or in the baseline, and waived; <paramref name="turnedOff"/> says whether a rule is off for the site.
    /// </summary>
    public static SiteCompliance Build(SiteFacts facts, ReadOnlySpan<Diagnostic?> findings, ReadOnlySpan<Diagnostic?> waivedFindings, Func<string, bool> turnedOff)
    {
        var inForce = new List<Diagnostic>();
        var waived = new List<Diagnostic>();
        foreach (var finding in waivedFindings)
        {
            if (finding is not null)
            {
                waived.Add(finding);
            }
        }

        foreach (var finding in findings)
        {
            if (finding is not null)
            {
                (finding.Baselined ? waived : inForce).Add(finding);
            }
        }

        var packs = facts.Clauses
            .GroupBy(c => c.Catalogue)
            .Select(group => new PackCompliance(group.Key.Pack, group.Key.Catalogue.Title, group.Key.Catalogue.File, group.Select(c => Judge(c, inForce, waived, turnedOff)).ToList()))
            .ToList();
        return new SiteCompliance(facts.Site.File, facts.Site.SiteId, facts.Site.SiteName, packs);
    }

    private static ClauseResult Judge(ClauseFacts facts, List<Diagnostic> inForce, List<Diagnostic> waived, Func<string, bool> turnedOff)
    {
        var clause = facts.Clause;
        var rules = facts.Catalogue.RulesOf(clause);
        var off = rules.Where(turnedOff).ToList();
        var failing = inForce.Where(d => Concerns(d, rules)).ToList();
        var accepted = waived.Where(d => Concerns(d, rules)).ToList();
        var attestation = facts.Attestation;
        var attested = attestation is not null && !facts.AttestationExpired;

        var (status, reason, findings) =
            failing.Count > 0 ? (ClauseStatus.Failed, Count(failing.Count, "finding"), failing)
            : attested && attestation!.Status == AttestationStatus.NotMet ? (ClauseStatus.Failed, $"attested as not met: {attestation.Evidence}", [])
            : facts.NotApplicable is { } why ? (ClauseStatus.NotApplicable, why, [])
            : off.Count > 0 ? (ClauseStatus.NotChecked, TurnedOff(off), [])
            : clause.Attestation is not null && !attested ? (ClauseStatus.EvidenceMissing, Missing(attestation, clause.Attestation), accepted)
            : accepted.Count > 0 ? (ClauseStatus.Waived, Count(accepted.Count, "finding") + " waived or in the baseline", accepted)
            : clause.Attestation is not null ? (ClauseStatus.Attested, string.Create(CultureInfo.InvariantCulture, $"{attestation!.Evidence} ({attestation.Owner}, {attestation.Date:yyyy-MM-dd})"), [])
            : (ClauseStatus.Passed, (string?)null, new List<Diagnostic>());

        return new ClauseResult(clause.Id, clause.Title, clause.Section, status, reason, rules, findings, Info(attestation, facts.AttestationExpired), clause.Location);
    }

    private static bool Concerns(Diagnostic finding, IReadOnlyList<string> rules) =>
        rules.Count > 0 && finding.PerRule.Any(d => d.Rule is not null && rules.Contains(d.Id));

    private static string TurnedOff(List<string> rules) =>
        $"{string.Join(", ", rules.Select(r => $"`{r}`"))} {(rules.Count == 1 ? "is" : "are")} turned off (severity none): the check reports nothing of {(rules.Count == 1 ? "it" : "them")}";

    private static string Missing(Attestation? expired, string question) =>
        expired is null ? $"no attestation: {question}" : string.Create(CultureInfo.InvariantCulture, $"the attestation expired on {expired.Expires:yyyy-MM-dd}: {question}");

    private static string Count(int count, string what) => count == 1 ? $"1 {what}" : $"{count} {what}s";

    private static AttestationInfo? Info(Attestation? attestation, bool expired) => attestation is null
        ? null
        : new AttestationInfo(
            attestation.Status switch { AttestationStatus.NotMet => "not-met", AttestationStatus.NotApplicable => "not-applicable", _ => "met" },
            attestation.Evidence, attestation.Owner, attestation.Date, attestation.Expires, expired, attestation.Location);
}
