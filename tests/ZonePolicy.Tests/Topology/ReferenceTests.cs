using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
using static ZonePolicy.Tests.Topology.TopologyTestSupport;

namespace ZonePolicy.Tests.Topology;

public class ReferenceTests
{
    [Fact]
    public void Dangling_reference_is_reported_at_the_value_with_a_suggestion()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "cell-a" } ],
              "assets": [ { "id": "plc-1", "zone": "cell-a" }, { "id": "hmi-1", "zone": "cell-a" } ],
              "flows": [
                { "id": "f-1", "from": "hmi-1", "to": "plc-9" }
              ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.InvalidReference, 6, 43);
        Assert.Equal("flow `f-1`: `to` refers to unknown asset `plc-9`; did you mean `plc-1`?", diagnostic.Message);
        Assert.Equal((6, 50), (diagnostic.Location.EndLine, diagnostic.Location.EndColumn));
    }

    [Fact]
    public void Dangling_reference_without_a_close_id_has_no_suggestion()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "assets": [ { "id": "a", "zone": "nowhere" } ] }""");

        AssertAt(diagnostic, DiagnosticIds.InvalidReference, 1, 58);
        Assert.Equal("asset `a`: `zone` refers to unknown zone `nowhere`", diagnostic.Message);
    }

    [Fact]
    public void Reference_to_the_wrong_kind_names_both_kinds()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "cell-a" } ],
              "assets": [ { "id": "plc-1", "zone": "cell-a" } ],
              "flows": [ { "id": "f-1", "from": "cell-a", "to": "plc-1" } ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.InvalidReference, 5, 37);
        Assert.Equal("flow `f-1`: `from` refers to `cell-a`, which is a zone, not an asset", diagnostic.Message);
    }

    [Fact]
    public void Reference_list_element_is_reported_at_the_element()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "a" }, { "id": "b" } ],
              "data": [ { "id": "recipes" } ],
              "conduits": [ { "id": "c", "zones": ["a", "recipes"] } ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.InvalidReference, 5, 45);
        Assert.Equal("conduit `c`: `zones` refers to `recipes`, which is a data item, not a zone", diagnostic.Message);
    }

    [Fact]
    public void Reference_to_a_waiver_id_is_the_wrong_kind()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "z", "managedBy": "w-1" } ],
              "waivers": [ { "id": "w-1", "rule": "R", "targets": ["z"], "reason": "r", "approvedBy": "a", "expires": "2027-01-01" } ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.InvalidReference, 3, 40);
        Assert.Equal("zone `z`: `managedBy` refers to `w-1`, which is a waiver, not a party", diagnostic.Message);
    }

    [Fact]
    public void Every_reference_attribute_is_checked()
    {
        var result = TopologyLoader.LoadText("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "z", "managedBy": "x1", "operations": ["x2"] } ],
              "assets": [ { "id": "a", "zone": "z", "logsTo": "x3", "supplier": "x4", "maintainer": "x5", "data": ["x6"] } ],
              "conduits": [ { "id": "c", "zones": ["z", "x7"], "boundary": ["x8"] } ],
              "flows": [ { "id": "f", "from": "a", "to": "x9", "data": ["x10"], "via": ["x11"], "conduit": "x12" } ],
              "data": [ { "id": "d", "owner": "x13" } ],
              "operations": [ { "id": "o", "outsourcedTo": "x14" } ]
            }
            """, "site.json");

        Assert.Null(result.Model);
        Assert.Equal(
            ["party `x1`", "operation `x2`", "asset `x3`", "party `x4`", "party `x5`", "data item `x6`", "zone `x7`", "asset `x8`", "asset `x9`", "data item `x10`", "asset `x11`", "conduit `x12`", "party `x13`", "party `x14`"],
            result.Diagnostics.Select(d => d.Message[(d.Message.IndexOf("unknown ", StringComparison.Ordinal) + 8)..]));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticIds.InvalidReference, d.Id));
    }

    [Fact]
    public void Waiver_targets_are_not_resolved()
    {
        var model = LoadValidText("""
            {
              "schemaVersion": "1",
              "waivers": [ { "rule": "R", "targets": ["not-an-entity", "zone-1"], "reason": "r", "approvedBy": "a", "expires": "2027-01-01" } ]
            }
            """);

        Assert.Equal(["not-an-entity", "zone-1"], Assert.Single(model.Waivers).Targets);
    }

    [Fact]
    public void Duplicate_id_is_reported_at_the_second_occurrence_naming_the_first_line()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "plc-1" } ],
              "assets": [
                { "id": "plc-1", "zone": "plc-1" }
              ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.DuplicateId, 5, 13);
        Assert.Equal("duplicate id `plc-1`: already used by the zone on line 3; ids must be unique across the file", diagnostic.Message);
    }

    [Fact]
    public void Duplicate_id_within_one_kind_is_reported()
    {
        var result = TopologyLoader.LoadText("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "z" } ],
              "assets": [ { "id": "a", "zone": "z" },
                          { "id": "a", "zone": "z" } ]
            }
            """, "site.json");

        var diagnostic = Assert.Single(result.Diagnostics);
        AssertAt(diagnostic, DiagnosticIds.DuplicateId, 5, 23);
        Assert.Contains("the asset on line 4", diagnostic.Message);
        Assert.Null(result.Model);
    }

    [Fact]
    public void Duplicate_waiver_id_is_reported()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "w" } ],
              "waivers": [ { "id": "w", "rule": "R", "targets": ["w"], "reason": "r", "approvedBy": "a", "expires": "2027-01-01" } ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.DuplicateId, 4, 24);
        Assert.StartsWith("duplicate id `w`: already used by the zone on line 3", diagnostic.Message);
    }

    [Fact]
    public void References_resolve_to_entities_declared_later_in_the_file()
    {
        var model = LoadValidText("""
            {
              "schemaVersion": "1",
              "flows": [ { "id": "f", "from": "a", "to": "a" } ],
              "assets": [ { "id": "a", "zone": "z" } ],
              "zones": [ { "id": "z" } ]
            }
            """);

        Assert.Same(model.Get("a"), model.Get("f")["from"]);
        Assert.Same(model.Get("z"), model.Get("a")["zone"]);
    }
}
