using ZonePolicy.Evaluation;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>Asserts the condensed search and the asset-by-asset search agree from every source.</summary>
internal static class PermittedAgreement
{
    public static void AssertAgrees(PermittedNetwork network, PermittedGraph graph, Func<int, bool> isAvoided, ServiceFilter filter)
    {
        var count = network.Assets.Count;
        for (var source = 0; source < count; source++)
        {
            var (distance, from) = NaivePermittedSearch.Search(network, [source], isAvoided, filter);
            var reached = graph.Search([source], isAvoided, filter);
            for (var target = 0; target < count; target++)
            {
                var what = $"from `{network.Assets[source].Id}` to `{network.Assets[target].Id}`";
                Assert.True(distance[target] == reached.DistanceOf(target), $"{what}: distance {reached.DistanceOf(target)}, the reference says {distance[target]}");
                if (distance[target] > 0)
                {
                    Assert.True(from[target] == reached.LinkOf(target), $"{what}: reached from `{network.Assets[reached.LinkOf(target)].Id}`, the reference says `{network.Assets[from[target]].Id}`");
                }
            }

            // Every witness is a path of permitted hops, as long as the reference distance.
            for (var target = 0; target < count; target++)
            {
                if (graph.PathTo(reached, [target], filter) is { } path)
                {
                    Assert.Equal(distance[target], (int)path.Length);
                    Assert.All(path.Hops, hop => Assert.NotNull(network.HopOf(network.Assets.NumberOf(hop.From), network.Assets.NumberOf(hop.To), filter)));
                }
            }
        }
    }
}
