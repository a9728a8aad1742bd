namespace ZonePolicy.Cli.Tests;

/// <summary>The worked examples of the specification: a topology and rules each, with the findings they pin down.</summary>
internal static class Examples
{
    public const string NullAndLocationSite = """
        {
          "schemaVersion": "1",
          "zones": [
            { "id": "cell-a", "kind": "control", "securityLevel": 3 },
            { "id": "office", "kind": "enterprise" }
          ],
          "assets": [
            { "id": "hmi-1", "zone": "cell-a", "type": "hmi", "os": { "name": "Windows", "version": "10", "endOfSupport": "2025-10-14" }, "logging": true },
            { "id": "hmi-2", "zone": "cell-a", "type": "hmi", "os": { "name": "Windows", "version": "11" } },
            { "id": "laptop-7", "zone": "office", "type": "workstation", "authentication": { "method": "password", "defaultCredentials": false } }
          ],
          "flows": [
            { "id": "f-1", "from": "laptop-7", "to": "hmi-1", "protocol": "vnc", "port": 5900 }
          ]
        }
        """;

    public const string NullAndLocationRules = """
        rule EX-OS "operating system support date is known and in the future" {
          severity error
          for asset a where has(a.os)
          require a.os.endOfSupport > today
          message "{a}: {a.os.name} {a.os.version} support ends {a.os.endOfSupport}"
        }

        rule EX-LOG "assets in SL 3 zones log security events" {
          severity warning
          for asset a where a.zone.securityLevel >= 3
          require a.logging
        }

        rule EX-DEFAULT "no default credentials" {
          severity error
          for asset a
          forbid a.authentication.defaultCredentials
        }

        rule EX-SL "zones declare a security level" {
          severity info
          for zone z
          require has(z.securityLevel)
        }

        rule EX-INTO "unencrypted flows into SL 3 zones" {
          severity error
          for asset target where target.zone.securityLevel >= 3
          for flow f in target.flowsIn
          forbid not f.encrypted
          message "{f} reaches {target} unencrypted"
        }
        """;

    public const string PathsSite = """
        {
          "schemaVersion": "1",
          "zones": [
            { "id": "cloud", "kind": "external" },
            { "id": "dmz", "kind": "dmz", "securityLevel": 2 },
            { "id": "mes", "kind": "operations", "securityLevel": 2 },
            { "id": "line", "kind": "control", "securityLevel": 4 }
          ],
          "assets": [
            { "id": "svc", "zone": "cloud", "type": "cloud-service" },
            { "id": "fw-e", "zone": "dmz", "type": "firewall" },
            { "id": "proxy", "zone": "dmz", "type": "server" },
            { "id": "mes-1", "zone": "mes", "type": "mes" },
            { "id": "fw-i", "zone": "mes", "type": "firewall" },
            { "id": "plc-a", "zone": "line", "type": "plc" },
            { "id": "plc-b", "zone": "line", "type": "plc" }
          ],
          "conduits": [
            { "id": "c-mes-line", "zones": ["mes", "line"], "boundary": ["fw-i"] }
          ],
          "flows": [
            { "id": "up", "from": "proxy", "to": "svc", "direction": "bidirectional", "via": ["fw-e"] },
            { "id": "sync", "from": "mes-1", "to": "proxy" },
            { "id": "recipe", "from": "mes-1", "to": "plc-a", "conduit": "c-mes-line" },
            { "id": "peer", "from": "plc-a", "to": "plc-b" },
            { "id": "pull", "from": "proxy", "to": "mes-1" }
          ]
        }
        """;

    public const string PathsRules = """
        rule EX-ANY "the line is reachable from the cloud at all" {
          severity info
          for zone src where src.kind == "external"
          for zone dst where dst.securityLevel == 4
          let p = path(src, dst)
          forbid p != null
          message "{p} ({p.length} hops)"
        }

        rule EX-FW "the line is reachable from the cloud past only one firewall" {
          severity warning
          for zone src where src.kind == "external"
          for zone dst where dst.securityLevel == 4
          let p = path(src, dst, avoid d where d.id == "fw-i")
          forbid p != null
          message "{p}"
        }

        rule EX-ASSET "plc-b is reachable from mes-1 without any firewall" {
          severity error
          for asset a where a.id == "mes-1"
          for asset b where b.id == "plc-b"
          forbid reachable(a, b, avoid d where d.type == "firewall")
        }
        """;

    public const string WaiversSite = """
        {
          "schemaVersion": "1",
          "zones": [ { "id": "z", "kind": "control", "securityLevel": 2 } ],
          "assets": [
            { "id": "pc-1", "zone": "z", "type": "workstation", "endpointProtection": "none" },
            { "id": "pc-2", "zone": "z", "type": "workstation", "endpointProtection": "none" },
            { "id": "pc-3", "zone": "z", "type": "workstation", "endpointProtection": "none" },
            { "id": "pc-4", "zone": "z", "type": "workstation", "endpointProtection": "allowlist" }
          ],
          "waivers": [
            { "rule": "EX-EP", "targets": ["pc-1"], "reason": "vendor forbids agents", "approvedBy": "ot security", "expires": "2027-06-30" },
            { "rule": "EX-EP", "targets": ["pc-2"], "reason": "replacement ordered", "approvedBy": "ot security", "expires": "2026-12-10" },
            { "rule": "EX-EP", "targets": ["pc-3"], "reason": "old exception", "approvedBy": "ot security", "expires": "2026-11-01" },
            { "rule": "EX-EP", "targets": ["pc-4"], "reason": "not needed", "approvedBy": "ot security", "expires": "2027-01-01" }
          ]
        }
        """;

    public const string WaiversRules = """
        param allowed = ["antivirus", "allowlist"]

        rule EX-EP "workstations run endpoint protection" {
          severity error
          for asset a where a.type == "workstation"
          require a.endpointProtection in allowed
        }
        """;
}
