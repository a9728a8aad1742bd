using System.Globalization;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;

namespace ZonePolicy.Compliance;

/// <summary>What one checked site contributes to the matrix: its clause facts and its rules' findings, in force and waived.</summary>
internal sealed record SiteFacts(SiteModel Site, IReadOnlyList<ClauseFacts> Clauses, IReadOnlyList<Diagnostic> InForce, IReadOnlyList<Diagnostic> Waived);

/// <summary>
/// Turns a site's clause facts and findings into its compliance matrix. A clause fails when a rule that
/// automates it has a finding in force (whatever its severity: the severity decides a build, not whether
/// the clause is met) or an attestation says the site does not meet it; otherwise it is not applicable,
/// misses evidence, is waived (its findings are waived or in the baseline), attested, or passed.
/// </summary>
internal static class ComplianceBuilder
{
    public static SiteCompliance Build(SiteFacts facts, Func<Diagnostic, bool> baselined)
    {
        var inForce = facts.InForce.Where(d => !baselined(d)).ToList();
        var waived = facts.Waived.Concat(facts.InForce.Where(baselined)).ToList();
        var packs = facts.Clauses
            .GroupBy(c => c.Catalogue)
            .Select(group => new PackCompliance(group.Key.Pack, group.Key.Catalogue.Title, group.Key.Catalogue.File, group.Select(c => Judge(c, inForce, waived)).ToList()))
            .ToList();
        return new SiteCompliance(facts.Site.File, facts.Site.SiteId, facts.Site.SiteName, packs);
    }

    private static ClauseResult Judge(ClauseFacts facts, List<Diagnostic> inForce, List<Diagnostic> waived)
    {
        var clause = facts.Clause;
        var rules = facts.Catalogue.RulesOf(clause);
        var failing = inForce.Where(d => Concerns(d, rules)).ToList();
        var accepted = waived.Where(d => Concerns(d, rules)).ToList();
        var attestation = facts.Attestation;
        var attested = attestation is not null && !facts.AttestationExpired;

        var (status, reason, findings) =
            failing.Count > 0 ? (ClauseStatus.Failed, Count(failing.Count, "finding"), failing)
            : attested && attestation!.Status == AttestationStatus.NotMet ? (ClauseStatus.Failed, $"attested as not met: {attestation.Evidence}", [])
            : facts.NotApplicable is { } why ? (ClauseStatus.NotApplicable, why, [])
            : clause.Attestation is not null && !attested ? (ClauseStatus.EvidenceMissing, Missing(attestation, clause.Attestation), accepted)
            : accepted.Count > 0 ? (ClauseStatus.Waived, Count(accepted.Count, "finding") + " waived or in the baseline", accepted)
            : clause.Attestation is not null ? (ClauseStatus.Attested, string.Create(CultureInfo.InvariantCulture, $"{attestation!.Evidence} ({attestation.Owner}, {attestation.Date:yyyy-MM-dd})"), [])
            : (ClauseStatus.Passed, (string?)null, new List<Diagnostic>());

        return new ClauseResult(clause.Id, clause.Title, clause.Section, status, reason, rules, findings, Info(attestation, facts.AttestationExpired), clause.Location);
    }

    private static bool Concerns(Diagnostic finding, IReadOnlyList<string> rules) =>
        rules.Count > 0 && finding.PerRule.Any(d => d.Rule is not null && rules.Contains(d.Id));

    private static string Missing(Attestation? expired, string question) =>
        expired is null ? $"no attestation: {question}" : string.Create(CultureInfo.InvariantCulture, $"the attestation expired on {expired.Expires:yyyy-MM-dd}: {question}");

    private static string Count(int count, string what) => count == 1 ? $"1 {what}" : $"{count} {what}s";

    private static AttestationInfo? Info(Attestation? attestation, bool expired) => attestation is null
        ? null
        : new AttestationInfo(
            attestation.Status switch { AttestationStatus.NotMet => "not-met", AttestationStatus.NotApplicable => "not-applicable", _ => "met" },
            attestation.Evidence, attestation.Owner, attestation.Date, attestation.Expires, expired, attestation.Location);
}
