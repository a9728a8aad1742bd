namespace ZonePolicy.Cli.Tests;

public sealed class BaselineTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_written_baseline_accepts_todays_violations_and_reports_only_new_ones()
    {
        var rules = temp.Write("rules.zpol", "rule R-1 \"zones declare a level\" { severity error for zone z require has(z.securityLevel) }");
        var site = temp.Write("site.json", """{ "schemaVersion": "1", "zones": [ { "id": "a", "kind": "control" } ] }""");
        var baseline = Path.Combine(temp.Path, "baseline.json");

        var first = Cli.Run(PolicyEngine.Check, temp.Path, "check", site, "--rules", rules, "--write-baseline", baseline);
        File.WriteAllText(site, """{ "schemaVersion": "1", "zones": [ { "id": "a", "kind": "control" }, { "id": "b", "kind": "dmz" } ] }""");
        var second = Cli.Run(PolicyEngine.Check, temp.Path, "check", site, "--rules", rules, "--baseline", baseline, "--format", "json");

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("\"rule\": \"R-1\"", File.ReadAllText(baseline));
        Assert.Equal(1, second.ExitCode);
        var diagnostic = Assert.Single(second.JsonDiagnostics());
        Assert.Equal(("R-1", 1), (diagnostic.Id, diagnostic.Line));
        Assert.Contains("\"id\": \"b\"", File.ReadAllText(site));
        Assert.Single(second.JsonDiagnostics("suppressed"));
    }

    [Fact]
    public void A_baseline_may_not_overwrite_a_topology()
    {
        var rules = temp.Write("rules.zpol", "rule R-1 \"r\" { for zone z require true }");
        var site = temp.Write("site.json", """{ "schemaVersion": "1" }""");

        var outcome = Cli.Run(PolicyEngine.Check, temp.Path, "check", "site.json", "--rules", rules, "--write-baseline", site);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"{site}: error ZP0318: `{site}` is the input file `site.json` of this check; write to another file\n", outcome.Out);
        Assert.Equal("""{ "schemaVersion": "1" }""", File.ReadAllText(site));
    }

    [Fact]
    public void A_malformed_baseline_is_a_located_error()
    {
        var rules = temp.Write("rules.zpol", "rule R-1 \"r\" { for zone z require true }");
        var site = temp.Write("site.json", """{ "schemaVersion": "1" }""");
        var baseline = temp.Write("baseline.json", """{ "version": 1, "accepted": [] }""");

        var outcome = Cli.Run(PolicyEngine.Check, temp.Path, "check", site, "--rules", rules, "--baseline", baseline, "--format", "json");

        Assert.Equal(2, outcome.ExitCode);
        var diagnostic = Assert.Single(outcome.JsonDiagnostics());
        Assert.Equal(("ZP0309", 1, 1), (diagnostic.Id, diagnostic.Line, diagnostic.Column));
    }
}
