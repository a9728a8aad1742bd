using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
using static ZonePolicy.Tests.Topology.TopologyTestSupport;

namespace ZonePolicy.Tests.Topology;

public class SchemaViolationTests
{
    [Fact]
    public void Value_outside_an_enum_lists_the_allowed_values()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "z" } ],
              "assets": [
                { "id": "a", "zone": "z", "criticality": "severe" }
              ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 5, 46);
        Assert.Equal("/assets/0/criticality: `severe` is not one of `low`, `medium`, `high`, `critical`", diagnostic.Message);
        Assert.Equal((5, 54), (diagnostic.Location.EndLine, diagnostic.Location.EndColumn));
    }

    [Fact]
    public void Misspelled_enum_value_suggests_the_closest()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "zones": [ { "id": "z", "kind": "dzm" } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 57);
        Assert.EndsWith("did you mean `dmz`?", diagnostic.Message);
    }

    [Fact]
    public void Wrong_type_is_reported_once_even_when_other_keywords_fail_too()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "z", "importance": 4 } ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 3, 41);
        Assert.Equal("/zones/0/importance: expected a string, found the number `4`", diagnostic.Message);
    }

    [Fact]
    public void Number_out_of_range_states_the_range()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "z", "securityLevel": 7 } ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 3, 44);
        Assert.Equal("/zones/0/securityLevel: `7` is out of range; it must be from 1 to 4", diagnostic.Message);
    }

    [Fact]
    public void Fractional_security_level_is_not_an_integer()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "zones": [ { "id": "z", "securityLevel": 2.5 } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 66);
        Assert.Equal("/zones/0/securityLevel: expected an integer, found the number `2.5`", diagnostic.Message);
    }

    [Fact]
    public void Cvss_above_ten_is_out_of_range()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "assets": [ { "id": "a", "zone": "z", "vulnerabilities": [ { "id": "CVE-1", "cvss": 10.5 } ] } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 109);
        Assert.Equal("/assets/0/vulnerabilities/0/cvss: `10.5` is out of range; it must be from 0 to 10", diagnostic.Message);
    }

    [Fact]
    public void Missing_required_key_is_reported_at_its_object()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "assets": [
                { "id": "a", "type": "plc" }
              ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 4, 5);
        Assert.Equal("/assets/0: missing required key `zone`", diagnostic.Message);
    }

    [Fact]
    public void Waiver_missing_its_reason_is_reported()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "waivers": [
                { "rule": "EX-EP", "targets": ["pc-1"], "approvedBy": "ot security", "expires": "2027-06-30" }
              ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 4, 5);
        Assert.Equal("/waivers/0: missing required key `reason`", diagnostic.Message);
    }

    [Fact]
    public void Several_missing_keys_are_one_diagnostic()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "waivers": [ { "rule": "EX-EP" } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 38);
        Assert.Equal("/waivers/0: missing required keys `targets`, `reason`, `approvedBy`, `expires`", diagnostic.Message);
    }

    [Fact]
    public void Unknown_key_is_reported_at_the_key_with_a_suggestion()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [
                { "id": "cell-a", "securtyLevel": 3 }
              ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 4, 23);
        Assert.Equal("/zones/0: unknown key `securtyLevel`; did you mean `securityLevel`?", diagnostic.Message);
        Assert.Equal((4, 37), (diagnostic.Location.EndLine, diagnostic.Location.EndColumn));
    }

    [Fact]
    public void Unknown_key_without_a_close_name_points_to_props()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "zones": [ { "id": "z", "costCenter": "4711" } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 49);
        Assert.Equal("/zones/0: unknown key `costCenter`; put custom attributes in `props`", diagnostic.Message);
    }

    [Fact]
    public void Unknown_top_level_key_is_reported()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zone": []
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 3, 3);
        Assert.Equal("unknown key `zone`; did you mean `zones`?", diagnostic.Message);
    }

    [Fact]
    public void Unknown_key_in_a_nested_object_is_reported()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "assets": [ { "id": "a", "zone": "z", "os": { "name": "Linux", "eol": "2027-01-01" } } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 88);
        Assert.StartsWith("/assets/0/os: unknown key `eol`", diagnostic.Message);
    }

    [Fact]
    public void Computed_attribute_cannot_be_written()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "zones": [ { "id": "z", "assets": [] } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 49);
        Assert.StartsWith("/zones/0: unknown key `assets`", diagnostic.Message);
    }

    [Fact]
    public void Schema_version_must_be_one()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "2" }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 20);
        Assert.Equal("/schemaVersion: expected `1`, found `2`", diagnostic.Message);
    }

    [Fact]
    public void Schema_version_is_a_string()
    {
        var diagnostic = SingleError("""{ "schemaVersion": 1 }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 20);
        Assert.Equal("/schemaVersion: expected a string, found the number `1`", diagnostic.Message);
    }

    [Fact]
    public void Schema_version_is_required()
    {
        var diagnostic = SingleError("""{ "zones": [] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 1);
        Assert.Equal("missing required key `schemaVersion`", diagnostic.Message);
    }

    [Fact]
    public void Top_level_value_must_be_an_object()
    {
        var diagnostic = SingleError("[ ]");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 1);
        Assert.Equal("expected an object, found an array", diagnostic.Message);
    }

    [Fact]
    public void Collection_must_be_an_array()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "flows": { } }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 34);
        Assert.Equal("/flows: expected an array, found an object", diagnostic.Message);
    }

    [Fact]
    public void Date_in_the_wrong_form_is_reported()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "waivers": [ { "rule": "R", "targets": ["a"], "reason": "r", "approvedBy": "b", "expires": "30.06.2027" } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 116);
        Assert.Equal("/waivers/0/expires: `30.06.2027` is not a date; write dates as `yyyy-MM-dd`, e.g. `2027-03-31`", diagnostic.Message);
    }

    [Fact]
    public void Date_that_does_not_exist_is_reported()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "zones": [ { "id": "z" } ], "assets": [ { "id": "a", "zone": "z", "lastPatched": "2027-02-30" } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 106);
        Assert.Equal("/assets/0/lastPatched: `2027-02-30` is not a valid date", diagnostic.Message);
    }

    [Fact]
    public void Conduit_needs_exactly_two_zones()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "conduits": [ { "id": "c", "zones": ["a"] } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 61);
        Assert.Equal("/conduits/0/zones: expected exactly 2 items, found 1", diagnostic.Message);
    }

    [Fact]
    public void Empty_reason_is_rejected()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "waivers": [ { "rule": "R", "targets": ["a"], "reason": "", "approvedBy": "b", "expires": "2027-01-01" } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 81);
        Assert.Equal("/waivers/0/reason: must not be empty", diagnostic.Message);
    }

    [Fact]
    public void Props_values_must_be_scalars()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "zones": [ { "id": "z", "props": { "tags": ["a"] } } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 68);
        Assert.Equal("/zones/0/props/tags: expected a string, a number or a boolean, found an array", diagnostic.Message);
    }

    [Fact]
    public void Purdue_level_must_be_a_listed_level()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "zones": [ { "id": "z", "purdueLevel": 2.5 } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 64);
        Assert.Equal("/zones/0/purdueLevel: `2.5` is not one of `0`, `1`, `2`, `3`, `3.5`, `4`, `5`", diagnostic.Message);
    }

    [Fact]
    public void Integer_too_large_to_store_is_reported()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "zones": [ { "id": "z" } ], "assets": [ { "id": "a", "zone": "z", "missingCriticalPatches": 1e20 } ] }""");

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 1, 117);
        Assert.Equal("/assets/0/missingCriticalPatches: `1e20` is too large for an integer", diagnostic.Message);
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_key()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "z", "kind": "control", "kind": "dmz" } ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.SchemaViolation, 3, 46);
        Assert.Equal("/zones/0: duplicate key `kind`; a key may appear only once in an object", diagnostic.Message);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_in_order()
    {
        var result = TopologyLoader.LoadText("""
            {
              "schemaVersion": "1",
              "zones": [
                { "id": "a", "kind": "plant" },
                { "id": "b", "securityLevel": 0 }
              ],
              "flows": [ { "id": "f", "from": "x" } ]
            }
            """, "site.json");

        Assert.Null(result.Model);
        Assert.Equal(
            ["4:26 /zones/0/kind", "5:35 /zones/1/securityLevel", "7:14 /flows/0"],
            result.Diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Message[..d.Message.IndexOf(':', StringComparison.Ordinal)]}"));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticIds.SchemaViolation, d.Id));
    }
}
