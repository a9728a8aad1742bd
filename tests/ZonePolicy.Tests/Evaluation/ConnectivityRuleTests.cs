using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>Rules that compare the declared flows with what the network permits, evaluated end to end.</summary>
public sealed class ConnectivityRuleTests : IDisposable
{
    private const string Site = """
        {
          "schemaVersion": "1",
          "zones": [
            { "id": "z-office", "kind": "enterprise" },
            { "id": "z-cell", "kind": "control", "securityLevel": 3 },
            { "id": "z-lab", "kind": "control" },
            { "id": "z-vendor", "kind": "external" }
          ],
          "assets": [
            { "id": "pc-1", "zone": "z-office", "type": "workstation" },
            { "id": "ews-1", "zone": "z-office", "type": "engineering-workstation" },
            { "id": "fw-1", "zone": "z-office", "type": "firewall" },
            { "id": "plc-1", "zone": "z-cell", "type": "plc" },
            { "id": "plc-2", "zone": "z-cell", "type": "plc" },
            { "id": "lab-1", "zone": "z-lab", "type": "server" },
            { "id": "vendor-pc", "zone": "z-vendor", "type": "workstation" }
          ],
          "conduits": [
            { "id": "c-office-cell", "zones": ["z-office", "z-cell"], "boundary": ["fw-1"], "denyByDefault": true,
              "allow": [
                { "device": "fw-1", "from": "ews-1", "to": "plc-1", "protocol": "s7", "port": 102 },
                { "device": "fw-1", "from": "pc-1", "to": "z-cell", "protocol": "https" }
              ] },
            { "id": "c-office-lab", "zones": ["z-office", "z-lab"] },
            { "id": "c-vendor-office", "zones": ["z-vendor", "z-office"], "boundary": ["fw-1"], "denyByDefault": true,
              "allow": [{ "device": "fw-1", "from": "vendor-pc", "to": "ews-1", "protocol": "rdp", "port": 3389 }] }
          ],
          "flows": [
            { "id": "f-download", "from": "ews-1", "to": "plc-1", "protocol": "s7", "port": 102, "conduit": "c-office-cell" },
            { "id": "f-poll", "from": "pc-1", "to": "plc-2", "protocol": "modbus", "port": 502, "direction": "bidirectional" },
            { "id": "f-lab", "from": "pc-1", "to": "lab-1", "protocol": "ssh", "port": 22 },
            { "id": "f-local", "from": "pc-1", "to": "ews-1" },
            { "id": "f-support", "from": "vendor-pc", "to": "ews-1", "protocol": "rdp", "port": 3389, "conduit": "c-vendor-office" }
          ]
        }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_declared_flow_the_network_does_not_permit_is_reported_with_the_reason()
    {
        var result = workspace.Check("""
            rule T-DRIFT "declared flows are permitted" {
              for flow f
              require permitted(f)
              message "{f}: {denial(f)}"
            }
            """, Site);

        Assert.Equal(["T-DRIFT 30: f-poll: c-office-cell denies by default and no allow rule permits modbus/502 from pc-1 to plc-2"], result.Lines());
    }

    [Fact]
    public void Allow_rules_no_declared_flow_uses_and_crossings_no_flow_needs_are_listed()
    {
        var result = workspace.Check("""
            rule T-UNUSED "allow rules serve declared flows" {
              for conduit c
              let unused = unusedAllows(c)
              require count(unused) == 0
              message "{c} has allow rules no declared flow uses: {unused}"
            }
            rule T-OPEN "conduits permit only needed crossings" {
              for conduit c
              require count(unneededCrossings(c)) == 0
              message "{c} lets sessions into {unneededCrossings(c)} that no flow needs"
            }
            rule T-CROSS "crossings" {
              severity info
              for conduit c
              for zone x in c.zones
              for zone y in c.zones where x != y and permitsCrossing(c, x, y)
              forbid true
              message "{c}: {x} -> {y}"
            }
            """, Site);

        Assert.Equal(
        [
            "T-CROSS 4: c-office-lab: z-lab -> z-office",
            "T-CROSS 4: c-vendor-office: z-vendor -> z-office",
            "T-CROSS 5: c-office-cell: z-office -> z-cell",
            "T-CROSS 6: c-office-lab: z-office -> z-lab",
            "T-UNUSED 19: c-office-cell has allow rules no declared flow uses: [{device: fw-1, from: pc-1, to: z-cell, protocol: https, direction: oneway}]",
            "T-OPEN 24: c-office-lab lets sessions into [z-office] that no flow needs",
        ], result.Lines());
    }

    [Fact]
    public void A_permitted_path_violation_carries_each_hop_at_the_rule_that_permits_it()
    {
        var result = workspace.Check("""
            rule T-PATH "outside parties reach control zones only through a DMZ" {
              severity error
              for zone src where src.kind == "external"
              for zone dst where dst.kind == "control"
              let p = permittedPath(src, dst, avoid d where d.zone.kind == "dmz")
              forbid p != null
              message "{dst} from {src}: {p} across {p.conduits}"
            }
            """, Site);

        Assert.Equal(
        [
            "T-PATH 5: z-cell from z-vendor: vendor-pc -[c-vendor-office]-> ews-1 -[c-office-cell]-> plc-1 across [c-vendor-office, c-office-cell]",
            "T-PATH 6: z-lab from z-vendor: vendor-pc -[c-vendor-office]-> ews-1 -[c-office-lab]-> lab-1 across [c-vendor-office, c-office-lab]",
        ], result.Lines());
        var witness = result.Diagnostics[0].Witness;
        Assert.Equal(
        [
            "asset vendor-pc 16",
            "conduit c-vendor-office 26 fw-1 1",
            "asset ews-1 11",
            "conduit c-office-cell 21 fw-1 1",
            "asset plc-1 13",
        ], witness.Select(s => $"{s.Kind} {s.EntityId} {s.Location.Line}{(s.Device is null ? "" : $" {s.Device} {s.Rule}")}"));
    }

    [Fact]
    public void Passes_is_via_when_a_flow_has_one_and_its_conduit_s_boundary_otherwise()
    {
        var result = workspace.Check("""
            rule T-PASSES "what each flow passes" {
              severity info
              for flow f
              forbid true
              message "{f} passes {f.passes}"
            }
            """, Site.Replace("\"from\": \"pc-1\", \"to\": \"ews-1\" }", "\"from\": \"pc-1\", \"to\": \"ews-1\", \"via\": [\"fw-1\"], \"conduit\": \"c-office-lab\" }", StringComparison.Ordinal));

        Assert.Equal(
        [
            "T-PASSES 29: f-download passes [fw-1]",
            "T-PASSES 30: f-poll passes []",
            "T-PASSES 31: f-lab passes []",
            "T-PASSES 32: f-local passes [fw-1]",
            "T-PASSES 33: f-support passes [fw-1]",
        ], result.Lines());
    }
}
