using ZonePolicy.Evaluation;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>
/// The reference search over permitted connectivity: asset by asset, asking <see cref="PermittedNetwork.HopOf"/>
/// about every pair, one distance at a time with each distance's assets in number order, an avoided asset
/// reached but not passed through. Slow on purpose: the condensed graph must find exactly what it finds.
/// </summary>
internal static class NaivePermittedSearch
{
    /// <summary>For each asset: its distance from the sources (-1 when unreached) and the asset it was reached from (-1 for a source).</summary>
    public static (int[] Distance, int[] From) Search(PermittedNetwork network, IEnumerable<int> sources, Func<int, bool> isAvoided, ServiceFilter filter)
    {
        var count = network.Assets.Count;
        var distance = Enumerable.Repeat(-1, count).ToArray();
        var from = Enumerable.Repeat(-1, count).ToArray();
        var layer = sources.Distinct().Order().ToList();
        foreach (var source in layer)
        {
            distance[source] = 0;
        }

        for (var d = 0; layer.Count > 0; d++)
        {
            var next = new List<int>();
            foreach (var a in layer)
            {
                if (d > 0 && isAvoided(a))
                {
                    continue;
                }

                for (var b = 0; b < count; b++)
                {
                    if (distance[b] < 0 && network.HopOf(a, b, filter) is not null)
                    {
                        distance[b] = d + 1;
                        from[b] = a;
                        next.Add(b);
                    }
                }
            }

            layer = [.. next.Order()];
        }

        return (distance, from);
    }
}
