using System.Runtime.CompilerServices;
using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;

namespace ZonePolicy.Tests.Topology;

internal static class TopologyTestSupport
{
    public static string DataFile(string name) => Path.Combine(Path.GetDirectoryName(ThisFile())!, "Data", name);

    public static string RepositoryFile(string relativePath) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "..", relativePath));

    public static SiteModel LoadValid(string dataFile)
    {
        var result = TopologyLoader.Load(DataFile(dataFile), dataFile);
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<SiteModel>(result.Model);
    }

    public static SiteModel LoadValidText(string json)
    {
        var result = TopologyLoader.LoadText(json, "site.json");
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<SiteModel>(result.Model);
    }

    /// <summary>Loads text that must fail with exactly one diagnostic, and returns it.</summary>
    public static Diagnostic SingleError(string json)
    {
        var result = TopologyLoader.LoadText(json, "site.json");
        Assert.Null(result.Model);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal("site.json", diagnostic.Location.File);
        return diagnostic;
    }

    public static void AssertAt(Diagnostic diagnostic, string id, int line, int column)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    public static Entity Get(this SiteModel model, string id)
    {
        Assert.True(model.TryGet(id, out var entity), $"no entity `{id}`");
        return entity;
    }

    public static string[] Ids(object? list) =>
        Assert.IsAssignableFrom<IReadOnlyList<Entity>>(list).Select(entity => entity.Id).ToArray();

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
