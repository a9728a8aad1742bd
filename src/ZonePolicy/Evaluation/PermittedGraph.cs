using ZonePolicy.Topology;

namespace ZonePolicy.Evaluation;

/// <summary>
/// Permitted connectivity condensed for search. What a zone or a conduit permits is a set of sessions from
/// every asset of one group to every asset of another: a zone that is not segmented lets all its assets
/// reach all of them, a rule from <c>type:ews</c> to zone <c>z-cell</c> lets the workstations reach every
/// asset of the cell. Each such permission is one edge between two group nodes (or single assets), never an
/// edge per pair of assets, so the graph grows with the assets, their zones and the rules, and a search
/// walks each group once: from an asset to the groups it starts sessions from, across the permissions to
/// the groups they reach, and to their assets. It finds the same assets at the same distances, reached from
/// the same assets, as a search asset by asset over <see cref="PermittedNetwork.HopOf"/>.
/// </summary>
internal sealed class PermittedGraph
{
    private readonly int assetCount;
    private readonly int[][] groupMembers;
    private readonly Edge[] edges;
    private readonly int[] assetGroupStart;
    private readonly int[] assetGroups;
    private readonly int[] assetEdgeStart;
    private readonly int[] assetEdges;
    private readonly int[] groupEdgeStart;
    private readonly int[] groupEdges;
    private readonly SearchScratch scratch;

    public PermittedGraph(PermittedNetwork network)
    {
        Network = network;
        assetCount = network.Assets.Count;
        var builder = new GraphBuilder(network);
        builder.AddAll();
        groupMembers = builder.GroupMembers.ToArray();
        edges = builder.Edges.ToArray();

        var groupsOfAsset = new List<(int Asset, int Group)>();
        for (var g = 0; g < groupMembers.Length; g++)
        {
            foreach (var asset in groupMembers[g])
            {
                groupsOfAsset.Add((asset, g));
            }
        }

        (assetGroupStart, assetGroups) = Csr(assetCount, groupsOfAsset);
        var fromAssets = new List<(int, int)>();
        var fromGroups = new List<(int, int)>();
        for (var e = 0; e < edges.Length; e++)
        {
            if (edges[e].Source < assetCount)
            {
                fromAssets.Add((edges[e].Source, e));
            }
            else
            {
                fromGroups.Add((edges[e].Source - assetCount, e));
            }
        }

        (assetEdgeStart, assetEdges) = Csr(assetCount, fromAssets);
        (groupEdgeStart, groupEdges) = Csr(groupMembers.Length, fromGroups);
        scratch = new SearchScratch(assetCount + (2 * groupMembers.Length));
    }

    public PermittedNetwork Network { get; }

    public int EdgeCount => edges.Length;

    public Permission PermissionOf(int edge) => edges[edge].Permission;

    /// <summary>The hop from <paramref name="from"/> to <paramref name="to"/> across <paramref name="edge"/>, with the zones and interfaces it meets on.</summary>
    public PermittedHop HopAcross(int edge, int from, int to)
    {
        ref readonly var e = ref edges[edge];
        return new PermittedHop(
            Network.Assets[from], Network.Assets[to], e.Permission, Network.Zones[e.SourceZone], Network.Zones[e.TargetZone],
            Network.InterfaceOn(from, e.SourceZone), Network.InterfaceOn(to, e.TargetZone));
    }

    public bool Admits(int edge, ServiceFilter filter) => filter.Admits(edges[edge].Protocol, edges[edge].Port);

    /// <summary>The assets an edge's sessions may start from, in number order.</summary>
    public IReadOnlyList<int> StartsOf(int edge) => AssetsOfNode(edges[edge].Source);

    /// <summary>The assets an edge's sessions reach, in number order.</summary>
    public IReadOnlyList<int> ReachesOf(int edge) => AssetsOfNode(edges[edge].Target);

    /// <summary>The edges whose sessions <paramref name="asset"/> may start: its own, then its groups'.</summary>
    public IEnumerable<int> EdgesFrom(int asset)
    {
        for (var i = assetEdgeStart[asset]; i < assetEdgeStart[asset + 1]; i++)
        {
            yield return assetEdges[i];
        }

        for (var i = assetGroupStart[asset]; i < assetGroupStart[asset + 1]; i++)
        {
            var group = assetGroups[i];
            for (var j = groupEdgeStart[group]; j < groupEdgeStart[group + 1]; j++)
            {
                yield return groupEdges[j];
            }
        }
    }

    /// <summary>True when <paramref name="asset"/> may start the sessions of <paramref name="edge"/>.</summary>
    public bool Starts(int edge, int asset)
    {
        var source = edges[edge].Source;
        if (source < assetCount)
        {
            return source == asset;
        }

        for (var i = assetGroupStart[asset]; i < assetGroupStart[asset + 1]; i++)
        {
            if (assetGroups[i] == source - assetCount)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Breadth-first search from every source at once, one distance at a time, each distance's assets in
    /// number order: an asset is reached from the lowest-numbered asset one hop nearer that permits it. An
    /// avoided asset can be reached but starts no session.
    /// </summary>
    public Reached Search(IEnumerable<int> sources, Func<int, bool> isAvoided, ServiceFilter filter)
    {
        var reached = new Reached.Builder(scratch);
        foreach (var source in sources.Order())
        {
            reached.TryAdd(source, 0, -1);
        }

        var next = new List<(int Asset, int From)>();
        var groupCount = groupMembers.Length;
        for (int start = 0, end = reached.Count, distance = 0; start < end; start = end, end = reached.Count, distance++)
        {
            for (var i = start; i < end; i++)
            {
                var asset = reached.NodeAt(i);
                if (distance > 0 && isAvoided(asset))
                {
                    continue;
                }

                for (var j = assetEdgeStart[asset]; j < assetEdgeStart[asset + 1]; j++)
                {
                    Fire(assetEdges[j], asset);
                }

                for (var j = assetGroupStart[asset]; j < assetGroupStart[asset + 1]; j++)
                {
                    var group = assetGroups[j];
                    if (scratch.Mark(assetCount + group))
                    {
                        for (var k = groupEdgeStart[group]; k < groupEdgeStart[group + 1]; k++)
                        {
                            Fire(groupEdges[k], asset);
                        }
                    }
                }
            }

            next.Sort((x, y) => x.Asset.CompareTo(y.Asset));
            foreach (var (asset, from) in next)
            {
                reached.Append(asset, distance + 1, from);
            }

            next.Clear();
        }

        return reached.Build();

        void Fire(int edge, int from)
        {
            ref readonly var e = ref edges[edge];
            if (!filter.Admits(e.Protocol, e.Port))
            {
                return;
            }

            if (e.Target < assetCount)
            {
                if (reached.Mark(e.Target))
                {
                    next.Add((e.Target, from));
                }

                return;
            }

            var group = e.Target - assetCount;
            if (!scratch.Mark(assetCount + groupCount + group))
            {
                return;
            }

            foreach (var member in groupMembers[group])
            {
                if (reached.Mark(member))
                {
                    next.Add((member, from));
                }
            }
        }
    }

    /// <summary>The nearest reached target (ties by id) and the path to it, each hop with its first permission, or null.</summary>
    public PathValue? PathTo(Reached reached, IEnumerable<int> targets, ServiceFilter filter)
    {
        var target = reached.Nearest(targets);
        if (target < 0)
        {
            return null;
        }

        var hops = new PermittedHop[reached.DistanceOf(target)];
        var current = target;
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            var from = reached.LinkOf(current);
            hops[i] = Network.HopOf(from, current, filter)
                ?? throw new InvalidOperationException($"the permitted search reached `{Network.Assets[current].Id}` from `{Network.Assets[from].Id}`, which no permission allows");
            current = from;
        }

        return PathValue.OfPermissions(Network.Assets[current], hops);
    }

    private IReadOnlyList<int> AssetsOfNode(int node) => node < assetCount ? [node] : groupMembers[node - assetCount];

    private static (int[] Start, int[] Items) Csr(int count, List<(int Owner, int Item)> pairs)
    {
        var start = new int[count + 1];
        foreach (var (owner, _) in pairs)
        {
            start[owner + 1]++;
        }

        for (var i = 0; i < count; i++)
        {
            start[i + 1] += start[i];
        }

        var items = new int[pairs.Count];
        var next = start[..^1].ToArray();
        foreach (var (owner, item) in pairs)
        {
            items[next[owner]++] = item;
        }

        return (start, items);
    }

    /// <summary>A permission between two nodes: an asset (below the asset count) or a group.</summary>
    private readonly record struct Edge(int Source, int Target, int SourceZone, int TargetZone, string? Protocol, long? Port, Permission Permission);

    /// <summary>Turns every zone's and conduit's permissions into edges between shared groups.</summary>
    private sealed class GraphBuilder(PermittedNetwork network)
    {
        private readonly Dictionary<(int Zone, string? Type), int> groups = [];

        public List<int[]> GroupMembers { get; } = [];

        public List<Edge> Edges { get; } = [];

        public void AddAll()
        {
            for (var z = 0; z < network.ZoneRules.Count; z++)
            {
                var zone = network.ZoneRules[z];
                if (!zone.Segmented)
                {
                    var all = Group(z, null);
                    Add(all, all, z, z, null, null, new Permission(PermissionKind.OpenZone, zone.Zone, null, 0));
                    continue;
                }

                foreach (var rule in zone.Rules)
                {
                    AddRule(rule, new Permission(PermissionKind.ZoneRule, zone.Zone, rule.Record, rule.Number), z, z);
                }
            }

            foreach (var conduit in network.Conduits)
            {
                if (conduit.Open)
                {
                    var permission = new Permission(PermissionKind.OpenConduit, conduit.Conduit, null, 0);
                    Add(Group(conduit.X, null), Group(conduit.Y, null), conduit.X, conduit.Y, null, null, permission);
                    Add(Group(conduit.Y, null), Group(conduit.X, null), conduit.Y, conduit.X, null, null, permission);
                    continue;
                }

                foreach (var rule in conduit.Rules)
                {
                    var permission = new Permission(PermissionKind.ConduitRule, conduit.Conduit, rule.Record, rule.Number);
                    AddRule(rule, permission, conduit.X, conduit.Y);
                    AddRule(rule, permission, conduit.Y, conduit.X);
                }
            }
        }

        /// <summary>The rule's sessions started on zone <paramref name="x"/> that reach zone <paramref name="y"/>.</summary>
        private void AddRule(AllowRule rule, Permission permission, int x, int y)
        {
            Add(Endpoint(x, rule.From), Endpoint(y, rule.To), x, y, rule.Protocol, rule.Port, permission);
            if (rule.Bidirectional)
            {
                Add(Endpoint(x, rule.To), Endpoint(y, rule.From), x, y, rule.Protocol, rule.Port, permission);
            }
        }

        private void Add(int source, int target, int sourceZone, int targetZone, string? protocol, long? port, Permission permission)
        {
            if (source >= 0 && target >= 0)
            {
                Edges.Add(new Edge(source, target, sourceZone, targetZone, protocol, port, permission));
            }
        }

        /// <summary>The node for the assets on zone <paramref name="zone"/> that are <paramref name="end"/>, or -1 when none are.</summary>
        private int Endpoint(int zone, RuleEnd end) => end.Kind switch
        {
            EndKind.Zone when end.Number == zone => Group(zone, null),
            EndKind.Asset when IsOn(end.Number, zone) => end.Number,
            EndKind.Type => Group(zone, end.Type),
            _ => -1,
        };

        private bool IsOn(int asset, int zone)
        {
            foreach (var membership in network.Memberships[asset])
            {
                if (membership.Zone == zone)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The node of the assets on a zone (of one type), shared by every permission that names them; -1 when empty.</summary>
        private int Group(int zone, string? type)
        {
            if (!groups.TryGetValue((zone, type), out var group))
            {
                var members = network.MembersOf[zone];
                var selected = type is null ? members : members.Where(a => network.Types[a] == type).ToArray();
                group = selected.Length == 0 ? -1 : network.Assets.Count + GroupMembers.Count;
                if (group >= 0)
                {
                    GroupMembers.Add(selected);
                }

                groups[(zone, type)] = group;
            }

            return group;
        }
    }
}
