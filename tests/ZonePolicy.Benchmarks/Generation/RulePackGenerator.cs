using System.Text;

namespace ZonePolicy.Benchmarks.Generation;

/// <summary>
/// Writes a large rule pack for the compile benchmark: a common file with the pack's parameters and
/// helpers, and files of 100 rules each, cycling through attribute, join, comprehension and reachability
/// rules with varying thresholds so that no two rules are the same text.
/// </summary>
internal static class RulePackGenerator
{
    private const int RulesPerFile = 100;

    private static readonly string[] AssetTypes = ["plc", "hmi", "scada", "server", "workstation", "historian", "robot", "camera"];
    private static readonly string[] ZoneKinds = ["control", "safety", "supervisory", "operations"];
    private static readonly string[] Protocols = ["modbus", "s7", "telnet", "ftp", "http", "vnc"];

    private const string Common = """
        pack bench.generated version "1.0.0" title "Generated rules for the compile benchmark"

        param max_cvss = 7.0
        param notice_days = 90
        param protection = ["antivirus", "allowlist"]

        let boundary_types = ["firewall", "data-diode", "vpn-gateway"]
        let is_boundary(d) = d.type in boundary_types
        let is_inner(z) = z.kind == "control" or z.kind == "safety"

        """;

    public static Action<string> WriteFolder(int rules) => folder =>
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "common.zpol"), Common);
        for (var file = 0; file * RulesPerFile < rules; file++)
        {
            var text = new StringBuilder();
            for (var i = file * RulesPerFile; i < Math.Min(rules, (file + 1) * RulesPerFile); i++)
            {
                text.Append(Rule(i)).Append('\n');
            }

            File.WriteAllText(Path.Combine(folder, $"rules-{file:D3}.zpol"), text.ToString());
        }
    };

    private static string Rule(int i)
    {
        var type = AssetTypes[i % AssetTypes.Length];
        var kind = ZoneKinds[i % ZoneKinds.Length];
        var protocol = Protocols[i % Protocols.Length];
        var level = 1 + (i % 4);
        var id = $"GEN-{i:D4}";
        return (i % 10) switch
        {
            0 => $$"""
                rule {{id}} "{{type}} operating systems are supported ({{i}})" {
                  severity error
                  category "lifecycle"
                  for asset a where a.type == "{{type}}" and has(a.os)
                  require a.os.endOfSupport - today > days(notice_days + {{i % 60}})
                  message "{a}: {a.os.name} {a.os.version} support ends {a.os.endOfSupport}"
                }
                """,
            1 => $$"""
                rule {{id}} "{{type}} assets have no default credentials ({{i}})" {
                  severity error
                  for asset a where a.type == "{{type}}"
                  forbid a.authentication.defaultCredentials or a.authentication.method == "none"
                }
                """,
            2 => $$"""
                rule {{id}} "no {{protocol}} into {{kind}} zones ({{i}})" {
                  severity warning
                  category "flows"
                  for zone z where z.kind == "{{kind}}"
                  for flow f in z.flowsIn
                  forbid f.protocol == "{{protocol}}" and not f.encrypted
                  message "{f} carries {{protocol}} into {z} from {f.from.zone}"
                }
                """,
            3 => $$"""
                rule {{id}} "{{type}} vulnerabilities above {{level + 4}} are mitigated ({{i}})" {
                  severity error
                  for asset a where a.type == "{{type}}" and count(a.vulnerabilities) > 0
                  forbid any(v in a.vulnerabilities where v.cvss >= {{level + 4}}.5 and not v.mitigated)
                  message "{a}: {count(v in a.vulnerabilities where not v.mitigated)} open, worst {max(v in a.vulnerabilities select v.cvss)}"
                }
                """,
            4 => $$"""
                rule {{id}} "{{kind}} zones of level {{level}} keep services few ({{i}})" {
                  severity warning
                  for zone z where z.kind == "{{kind}}" and z.securityLevel >= {{level}}
                  for asset a in z.assets where count(a.services) > 0
                  require count(s in a.services where s.enabled) <= {{2 + (i % 5)}}
                  message "{a} in {z} exposes {count(s in a.services where s.enabled)} services"
                }
                """,
            5 => $$"""
                rule {{id}} "control flows into {{kind}} zones pass a boundary ({{i}})" {
                  severity error
                  for zone z where z.kind == "{{kind}}"
                  for flow f in z.flowsIn where f.control
                  require (has(f.via) and any(d in f.via where is_boundary(d))) or (has(f.conduit) and any(d in f.conduit.boundary where is_boundary(d)))
                }
                """,
            6 => $$"""
                rule {{id}} "{{type}} computers run protection ({{i}})" {
                  severity warning
                  for asset a where a.type == "{{type}}" and a.zone.securityLevel >= {{level}}
                  require a.endpointProtection in protection and a.logging
                }
                """,
            7 => $$"""
                rule {{id}} "conduits of level {{level}} are monitored ({{i}})" {
                  severity info
                  for conduit c where c.securityLevel >= {{level}}
                  require c.monitored and count(c.boundary) >= 1
                  message "{c} between {c.zones} is not monitored"
                }
                """,
            8 => $$"""
                rule {{id}} "{{kind}} zones are not reachable from outside ({{i}})" {
                  severity error
                  for zone src where src.kind == "external"
                  for zone dst where dst.kind == "{{kind}}"
                  let p = path(src, dst, avoid d where is_boundary(d) or d.type == "{{type}}")
                  forbid p != null and p.length <= {{4 + (i % 6)}}
                  at dst
                  message "{dst} is reachable from {src}: {p}"
                }
                """,
            _ => $$"""
                rule {{id}} "new flows into level {{level}} zones are reviewed ({{i}})" {
                  severity info
                  for flow f where f.status in ["new", "changed"] and f.to.zone.securityLevel >= {{level}}
                  require has(f.reviewedBy) and f.authenticated
                  message "{f} ({f.status}) into {f.to.zone} needs a review"
                }
                """,
        };
    }
}
