using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Topology;

/// <summary>A security level may be given per foundational requirement, beside or instead of the scalar.</summary>
public sealed class SecurityLevelVectorTests : IDisposable
{
    private const string Rules = """
        rule R-VEC "levels per FR" {
          for zone z
          require false
          message "{z} {z.securityLevel} rdf {z.securityLevels.rdf} dc {z.securityLevels.dc}"
        }
        rule R-CAP "capabilities per FR" {
          for asset a
          require false
          message "{a} {a.securityLevelCapability} iac {a.securityLevelCapabilities.iac}"
        }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void The_scalar_is_the_vectors_highest_level_and_a_missing_vector_is_the_scalar_in_every_fr()
    {
        var result = workspace.Check(Rules, """
            {
              "schemaVersion": "1",
              "zones": [
                { "id": "cell", "kind": "control", "securityLevels": { "iac": 2, "uc": 2, "si": 3, "dc": 1, "rdf": 3, "tre": 1, "ra": 3 } },
                { "id": "office", "kind": "enterprise", "securityLevel": 1 },
                { "id": "cloud", "kind": "external" }
              ],
              "assets": [ { "id": "plc", "zone": "cell", "securityLevelCapability": 2 } ]
            }
            """);

        Assert.Equal(
        [
            "R-VEC 4: cell 3 rdf 3 dc 1",
            "R-VEC 5: office 1 rdf 1 dc 1",
            "R-VEC 6: cloud null rdf null dc null",
            "R-CAP 8: plc 2 iac 2",
        ], result.Lines());
    }

    [Theory]
    [InlineData("\"securityLevel\": 2, \"securityLevels\": { \"iac\": 2, \"uc\": 2, \"si\": 3, \"dc\": 1, \"rdf\": 3, \"tre\": 1, \"ra\": 3 }", "ZP0245", "zone `cell` states `securityLevel` 2, but the highest level of its `securityLevels` is 3; the scalar level is the vector's highest: correct one of them or leave the scalar out")]
    [InlineData("\"securityLevels\": { \"iac\": 2, \"uc\": 2, \"si\": 3, \"dc\": 1, \"rdf\": 3, \"tre\": 1 }", "ZP0202", "/zones/0/securityLevels: missing required key `ra`")]
    [InlineData("\"securityLevels\": { \"iac\": 2, \"uc\": 2, \"si\": 5, \"dc\": 1, \"rdf\": 3, \"tre\": 1, \"ra\": 0 }", "ZP0202", "/zones/0/securityLevels/si: `5` is out of range; it must be from 0 to 4")]
    public void A_vector_that_is_incomplete_out_of_range_or_disagrees_with_the_scalar_is_invalid(string levels, string id, string message)
    {
        var result = workspace.Check(Rules, $$"""{ "schemaVersion": "1", "zones": [ { "id": "cell", "kind": "control", {{levels}} } ] }""");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((id, message), (error.Id, error.Message));
        Assert.Equal(2, result.ExitCode);
    }
}
