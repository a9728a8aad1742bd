using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Binding;

/// <summary>The built-ins over permitted connectivity are type-checked like every other: each mistake located, before any topology is read.</summary>
public sealed class ConnectivityBinderTests : IDisposable
{
    private const string Site = """
        { "schemaVersion": "1", "zones": [ { "id": "z", "kind": "control" } ] }
        """;

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("for zone z require permitted(z)", "ZP0106", 35, "`permitted` takes a `flow`, found `zone`")]
    [InlineData("for flow f require permitted(f, f)", "ZP0103", 35, "`permitted` takes 1 argument, found 2")]
    [InlineData("for flow f require denial(f.from) == null", "ZP0106", 35, "`denial` takes a `flow`, found `asset`")]
    [InlineData("for conduit c require permitsCrossing(c, c.zones)", "ZP0103", 38, "`permitsCrossing` takes 3 arguments, found 2")]
    [InlineData("for conduit c require permitsCrossing(c, c, c)", "ZP0106", 38, "`permitsCrossing` takes a `conduit` and two `zone` values, found `conduit`, `conduit`, `conduit`")]
    [InlineData("for asset a require count(unusedAllows(a)) == 0", "ZP0106", 42, "`unusedAllows` takes a `conduit` or a `zone`, found `asset`")]
    [InlineData("for zone z require count(unneededCrossings(z)) == 0", "ZP0106", 41, "`unneededCrossings` takes a `conduit`, found `zone`")]
    [InlineData("for flow f require permittedReachable(f, f.to)", "ZP0106", 54, "a path runs between assets or zones, found `flow`")]
    [InlineData("for zone z require permittedPath(z, z).zones == null", "ZP0101", 55, "a path has no attribute `zones`")]
    [InlineData("for zone z require permittedReachable(z, z, avoid d where d.type)", "ZP0106", 74, "`avoid ... where` needs a `bool`, found `string`")]
    public void Mistakes_in_the_connectivity_built_ins_are_reported_where_they_are(string body, string id, int column, string message)
    {
        var result = workspace.Check($"rule R-1 \"r\" {{ {body} }}", Site);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((id, 1, column, message), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Message));
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void The_built_ins_have_the_types_their_uses_need()
    {
        var result = workspace.Check("""
            rule R-1 "types" {
              for conduit c
              for flow f in c.flows
              let p = permittedPath(f.from, f.to.zone, avoid d where d.type == "firewall")
              let linked = permittedReachable(f.from, f.to)
              let crossing = permitsCrossing(c, f.from.zone, f.to.zone)
              require p.length >= 0 and count(p.conduits) >= 0 and count(p.assets) > 0 and linked and crossing
                and permitted(f) and len(denial(f)) >= 0 and count(unusedAllows(c)) >= 0 and count(unneededCrossings(c)) >= 0
                and all(r in unusedAllows(c) where r.device.type == "firewall" and has(r.from))
                and all(r in unusedAllows(f.to.zone) where has(r.to))
            }
            """, Site);

        Assert.Empty(result.Diagnostics);
    }
}
