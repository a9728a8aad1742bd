namespace ZonePolicy.MSBuild.Tests.TestUtilities;

/// <summary>
/// A small site and rules whose findings sit at known places: plc-1's object starts at line 7,
/// column 5 of the topology, hmi-1's at line 8, the zone's at line 4.
/// </summary>
internal static class Scenario
{
    public const string Topology = "site/site.topology.json";
    public const string Rules = "policy/rules.zpol";

    public const string BadSite = """
        {
          "schemaVersion": "1",
          "zones": [
            { "id": "cell", "kind": "control", "securityLevel": 3 }
          ],
          "assets": [
            { "id": "plc-1", "zone": "cell", "type": "plc", "logging": false, "authentication": { "method": "password", "defaultCredentials": true, "sharedAccounts": false } },
            { "id": "hmi-1", "zone": "cell", "type": "hmi", "logging": true }
          ]
        }

        """;

    /// <summary>Only the warning (plc-1 does not log) and the info remain.</summary>
    public const string WarningOnlySite = """
        {
          "schemaVersion": "1",
          "zones": [
            { "id": "cell", "kind": "control", "securityLevel": 3 }
          ],
          "assets": [
            { "id": "plc-1", "zone": "cell", "type": "plc", "logging": false, "authentication": { "method": "password", "defaultCredentials": false, "sharedAccounts": false } },
            { "id": "hmi-1", "zone": "cell", "type": "hmi", "logging": true }
          ]
        }

        """;

    public const string RuleText = """
        param min_sl = 2

        rule T-ERR "no default credentials" {
          severity error
          for asset a
          forbid a.authentication.defaultCredentials
          message "{a} uses default credentials"
        }

        rule T-WARN "plcs log security events" {
          severity warning
          for asset a where a.type == "plc"
          require a.logging
          message "{a} does not log security events"
        }

        rule T-INFO "hmis are noted" {
          severity info
          for asset a where a.type == "hmi"
          forbid a.logging
          message "{a} is an hmi that logs"
        }

        rule T-PARAM "zones reach the minimum security level" {
          severity error
          for zone z
          require z.securityLevel >= min_sl
          message "{z} is below security level {min_sl}"
        }

        """;

    /// <summary>Line 3, column 3 holds a character the language does not have.</summary>
    public const string BrokenRuleText = """
        rule T-BROKEN "broken" {
          severity error
          $ for asset a
          require a.logging
        }

        """;

    public const string Items = $"""
            <ZonePolicyTopology Include="site/*.topology.json" />
            <ZonePolicyRules Include="policy/**/*.zpol" />
        """;
}
