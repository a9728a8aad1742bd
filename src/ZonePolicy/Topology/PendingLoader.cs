using ZonePolicy.Diagnostics;
namespace ZonePolicy.Topology;
internal sealed record LoadResult(SiteModel? Model, IReadOnlyList<Diagnostic> Diagnostics);
internal static class TopologyLoader
{
    public static LoadResult Load(string path, string displayPath) => throw new NotImplementedException();
}
