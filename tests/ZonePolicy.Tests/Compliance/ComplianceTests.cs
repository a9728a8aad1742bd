using ZonePolicy.Compliance;
using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Compliance;

/// <summary>Attestations in a topology, and the compliance matrix a check works out from a pack's catalogue.</summary>
public sealed class ComplianceTests : IDisposable
{
    private const string Rules = """
        pack demo.pack
        let uses_cloud = any(a in assets where a.type == "cloud-service")
        rule D-LVL "zones state a level" {
          severity warning
          refs "STD 1"
          for zone z where z.kind != "external"
          require has(z.securityLevel)
        }
        rule D-ENC "flows across zones are encrypted" {
          severity error
          refs "STD 2"
          for flow f where f.crossesZones
          require f.encrypted == true
        }
        rule D-DIODE "diodes point outwards" {
          refs "STD 3"
          for asset a where a.type == "data-diode"
          require a.zone.kind == "dmz"
        }
        """;

    private const string Catalogue = """
        { "title": "Demo standard", "clauses": [
          { "id": "STD 1", "title": "Zones have levels", "section": "Zoning" },
          { "id": "STD 2", "title": "Encryption between zones", "section": "Zoning" },
          { "id": "STD 3", "title": "Diodes", "section": "Zoning" },
          { "id": "STD 4", "title": "Cloud contract", "attestation": "the cloud provider's contract states its service levels", "appliesWhen": { "constant": "uses_cloud", "otherwise": "the site uses no cloud service" } },
          { "id": "STD 5", "title": "Incident response plan", "attestation": "an incident response plan covers the site" },
          { "id": "STD 6", "title": "Deny by default", "attestation": "boundaries deny by default", "securityLevel": { "from": 3, "fr": "rdf" } },
          { "id": "STD 7", "title": "Physical access", "notApplicable": "a topology does not describe buildings" }
        ] }
        """;

    internal const string Site = """
        {
          "schemaVersion": "1",
          "zones": [
            { "id": "office", "kind": "enterprise", "securityLevel": 1 },
            { "id": "cell", "kind": "control", "securityLevel": 2 },
            { "id": "cloud", "kind": "external" }
          ],
          "assets": [
            { "id": "pc", "zone": "office", "type": "workstation" },
            { "id": "plc", "zone": "cell", "type": "plc" },
            { "id": "svc", "zone": "cloud", "type": "cloud-service" }
          ],
          "flows": [
            { "id": "f-plain", "from": "pc", "to": "plc", "encrypted": false },
            { "id": "f-ok", "from": "svc", "to": "pc", "encrypted": true }
          ],
          "attestations": [
            { "clause": "STD 4", "status": "met", "evidence": "contract CS-12 section 4", "owner": "procurement", "date": "2026-01-10", "expires": "2027-01-09" },
            { "clause": "STD 5", "status": "met", "evidence": "IR plan v3", "owner": "OT security", "date": "2025-01-01", "expires": "2026-12-10" }
          ]
        }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Each_clause_gets_a_status_and_a_reason()
    {
        var result = Check(Site);

        var pack = Assert.Single(Assert.Single(result.Compliance).Packs);
        Assert.Equal(("demo", "Demo standard"), (pack.Pack, pack.Title));
        Assert.Equal(
        [
            "STD 1 passed -",
            "STD 2 failed 1 finding",
            "STD 3 not applicable nothing in the site is what its rules check",
            "STD 4 attested contract CS-12 section 4 (procurement, 2026-01-10)",
            "STD 5 attested IR plan v3 (OT security, 2025-01-01)",
            "STD 6 not applicable it applies from SL 3, and no zone of the site targets SL 3 or more in FR 5 (rdf)",
            "STD 7 not applicable a topology does not describe buildings",
        ], pack.Clauses.Select(c => $"{c.Id} {c.Status.Name()} {c.Reason ?? "-"}"));
        Assert.Equal("D-ENC", Assert.Single(pack.Clauses[1].Findings).Id);
        Assert.Equal(["D-ENC"], pack.Clauses[1].Rules);
    }

    [Fact]
    public void Missing_expired_and_soon_expiring_evidence_is_reported_where_it_belongs()
    {
        var site = Site
            .Replace("\"date\": \"2026-01-10\", \"expires\": \"2027-01-09\"", "\"date\": \"2025-01-10\", \"expires\": \"2026-01-09\"")
            .Replace("\"status\": \"met\", \"evidence\": \"IR plan v3\"", "\"status\": \"met\", \"evidence\": \"IR plan v3\"");

        var result = Check(site, b => b.Severities.Add(new("D-ENC", "none")));

        Assert.Equal(
        [
            "ZP0241 18: the attestation of `STD 4` expired on 2026-01-09; renew it with current evidence",
            "ZP0242 19: the attestation of `STD 5` expires on 2026-12-10, in 15 days; renew it with current evidence",
        ], result.Lines());
        var clauses = Assert.Single(Assert.Single(result.Compliance).Packs).Clauses;
        Assert.Equal((ClauseStatus.EvidenceMissing, "the attestation expired on 2026-01-09: the cloud provider's contract states its service levels"), (clauses[3].Status, clauses[3].Reason));
        Assert.True(clauses[3].Attestation!.Expired);
        Assert.Equal(ClauseStatus.NotChecked, clauses[1].Status);
        Assert.Equal(1, result.ExitCode);

        var none = Check(Site.Replace(Site[Site.IndexOf("\"attestations\"", StringComparison.Ordinal)..], "\"attestations\": []\n}"), b => b.Severities.Add(new("D-ENC", "none")));
        Assert.Equal(
        [
            "ZP0240 17: 2 clauses of `demo` need an attestation and have none: `STD 4`, `STD 5`; record the evidence in `attestations`",
        ], none.Lines());
        Assert.Equal(17, none.Diagnostics[0].Location.Line);
    }

    [Fact]
    public void A_clause_shows_exactly_the_findings_check_reports_and_one_whose_rule_is_turned_off_is_not_checked()
    {
        var asIs = Check(Site);
        var offOnTheCommandLine = Check(Site, b => b.Severities.Add(new("D-ENC", "none")));
        var offInAConfig = Check(Site, b => b.AnalyzerConfigFiles.Add(workspace.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.D-ENC.severity = none\n")));
        var lowered = Check(Site, b => b.Severities.Add(new("D-ENC", "suggestion")));

        Assert.Contains(asIs.Diagnostics, d => d.Id == "D-ENC");
        Assert.Equal(ClauseStatus.Failed, Clause(asIs, "STD 2").Status);
        foreach (var off in new[] { offOnTheCommandLine, offInAConfig })
        {
            Assert.DoesNotContain(off.Diagnostics.Concat(off.Suppressed), d => d.Id == "D-ENC");
            var clause = Clause(off, "STD 2");
            Assert.Equal((ClauseStatus.NotChecked, "`D-ENC` is turned off (severity none): the check reports nothing of it"), (clause.Status, clause.Reason));
            Assert.Empty(clause.Findings);
            Assert.Equal(ClauseStatus.Passed, Clause(off, "STD 1").Status);
        }

        // The severity decides a build, not whether a clause is met: a finding the check reports fails its clause at any level.
        var finding = Assert.Single(Clause(lowered, "STD 2").Findings);
        Assert.Equal((ClauseStatus.Failed, Severity.Info), (Clause(lowered, "STD 2").Status, finding.Severity));
        Assert.Contains(finding, lowered.Diagnostics);
    }

    [Fact]
    public void Rules_that_share_an_id_are_reported_and_no_matrix_is_worked_out()
    {
        workspace.Write("demo/more.zpol", """rule D-ENC "again" { for zone z require true }""");

        var result = Check(Site);

        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.DuplicateRuleId);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.InternalError);
        Assert.Empty(result.Compliance);
        Assert.Equal(2, result.ExitCode);
    }

    private static ClauseResult Clause(CheckResult result, string id) =>
        Assert.Single(Assert.Single(Assert.Single(result.Compliance).Packs).Clauses, c => c.Id == id);

    [Fact]
    public void Waived_findings_and_evidence_that_the_site_does_not_meet_a_clause_show_in_the_matrix()
    {
        var site = Site
            .Replace("\"attestations\": [", """
                "waivers": [ { "rule": "D-ENC", "targets": ["f-plain"], "reason": "legacy PLC, replaced in 2027", "approvedBy": "plant manager", "expires": "2027-06-30" } ],
                  "attestations": [
                """)
            .Replace("\"status\": \"met\", \"evidence\": \"IR plan v3\"", "\"status\": \"not-met\", \"evidence\": \"no plan yet, due Q2\"");

        var result = Check(site);

        var clauses = Assert.Single(Assert.Single(result.Compliance).Packs).Clauses;
        Assert.Equal((ClauseStatus.Waived, "1 finding waived or in the baseline"), (clauses[1].Status, clauses[1].Reason));
        Assert.Equal("legacy PLC, replaced in 2027", Assert.Single(clauses[1].Findings).Waiver!.Reason);
        Assert.Equal((ClauseStatus.Failed, "attested as not met: no plan yet, due Q2"), (clauses[4].Status, clauses[4].Reason));
    }

    [Fact]
    public void A_site_may_attest_that_a_clause_does_not_apply_and_a_clause_whose_condition_is_false_needs_no_evidence()
    {
        var site = Site
            .Replace("{ \"id\": \"svc\", \"zone\": \"cloud\", \"type\": \"cloud-service\" }", "{ \"id\": \"svc\", \"zone\": \"cloud\", \"type\": \"remote-maintenance\" }")
            .Replace("\"status\": \"met\", \"evidence\": \"IR plan v3\"", "\"status\": \"not-applicable\", \"evidence\": \"covered by the group's plan\"")
            .Replace("\"clause\": \"STD 4\"", "\"clause\": \"STD 7\"");

        var result = Check(site, b => b.Severities.Add(new("D-ENC", "none")));

        Assert.Empty(result.Diagnostics);
        var clauses = Assert.Single(Assert.Single(result.Compliance).Packs).Clauses;
        Assert.Equal((ClauseStatus.NotApplicable, "the site uses no cloud service"), (clauses[3].Status, clauses[3].Reason));
        Assert.Equal((ClauseStatus.NotApplicable, "attested: covered by the group's plan"), (clauses[4].Status, clauses[4].Reason));
    }

    [Fact]
    public void An_attestation_of_a_misspelt_clause_is_reported_but_one_for_another_standard_is_not()
    {
        var site = Site.Replace("\"clause\": \"STD 5\"", "\"clause\": \"STD 55\"").Replace("\"clause\": \"STD 4\"", "\"clause\": \"IEC 62443-3-3 SR 1.1\"");

        var result = Check(site, b => b.Severities.AddRange([new("ZP0240", "none"), new("D-ENC", "none")]));

        Assert.Equal(["ZP0243 19: the attestation names `STD 55`, which no loaded catalogue has; did you mean `STD 5`?"], result.Lines());
    }

    [Theory]
    [InlineData("\"date\": \"2026-01-10\", \"expires\": \"2027-01-09\"", "\"date\": \"2027-02-10\", \"expires\": \"2027-01-09\"", "ZP0244", "the attestation of `STD 4` is dated 2027-02-10, after it expires on 2027-01-09; correct `date` or `expires`")]
    [InlineData("\"status\": \"met\", \"evidence\": \"IR plan v3\"", "\"status\": \"done\", \"evidence\": \"IR plan v3\"", "ZP0202", "/attestations/1/status: `done` is not one of `met`, `not-met`, `not-applicable`")]
    [InlineData("\"owner\": \"procurement\", ", "", "ZP0202", "/attestations/0: missing required key `owner`")]
    public void An_attestation_that_breaks_the_format_is_invalid_input(string from, string to, string id, string message)
    {
        var result = Check(Site.Replace(from, to));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((id, message), (error.Id, error.Message));
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Without_a_request_for_it_the_check_works_out_no_matrix_but_still_checks_the_evidence()
    {
        var result = Check(Site.Replace("\"expires\": \"2026-12-10\"", "\"expires\": \"2026-11-01\""), b => b.Compliance = false);

        Assert.Empty(result.Compliance);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.AttestationExpired);
    }

    private CheckResult Check(string site, Action<CheckRequestBuilder>? configure = null) => CheckDemo(workspace, site, configure);

    /// <summary>Checks <paramref name="site"/> against the demo pack and its catalogue, with the matrix.</summary>
    internal static CheckResult CheckDemo(TempWorkspace workspace, string site, Action<CheckRequestBuilder>? configure = null)
    {
        workspace.Write("demo/catalogue.json", Catalogue);
        workspace.Write("demo/rules.zpol", Rules);
        var builder = new CheckRequestBuilder
        {
            RuleSources = [Path.Combine(workspace.Root, "demo")],
            TopologyFiles = [workspace.Write("site.json", site)],
            Compliance = true,
        };
        configure?.Invoke(builder);
        return PolicyEngine.Check(builder.Build());
    }
}
