namespace ZonePolicy.Topology;

/// <summary>
/// Source-to-target pairs of one relation by ordinal (flow 7 goes to asset 3), added in source order;
/// grouped by target they give a computed list in file order. A pair repeated by one source counts once.
/// </summary>
internal sealed class Incidence
{
    private readonly List<int> sources = [];
    private readonly List<int> targets = [];

    public void Add(int source, int target)
    {
        for (var i = sources.Count - 1; i >= 0 && sources[i] == source; i--)
        {
            if (targets[i] == target)
            {
                return;
            }
        }

        sources.Add(source);
        targets.Add(target);
    }

    /// <summary>For a relation with one target per source: the target of each source, -1 for none.</summary>
    public int[] TargetOfEachSource(int sourceCount)
    {
        var result = new int[sourceCount];
        Array.Fill(result, -1);
        for (var i = 0; i < sources.Count; i++)
        {
            result[sources[i]] = targets[i];
        }

        return result;
    }

    /// <summary>For each target, its sources in file order (an empty array when it has none).</summary>
    public Entity[][] GroupByTarget(IReadOnlyList<Entity> sourceEntities, int targetCount)
    {
        var counts = new int[targetCount];
        foreach (var target in targets)
        {
            counts[target]++;
        }

        var groups = new Entity[targetCount][];
        for (var t = 0; t < targetCount; t++)
        {
            groups[t] = counts[t] == 0 ? [] : new Entity[counts[t]];
        }

        Array.Clear(counts);
        for (var i = 0; i < sources.Count; i++)
        {
            var target = targets[i];
            groups[target][counts[target]++] = sourceEntities[sources[i]];
        }

        return groups;
    }
}

/// <summary>The references the loader resolved that the computed attributes are built from.</summary>
internal sealed class ModelRelations
{
    private readonly Incidence[] byRelation = Enum.GetValues<Relation>().Select(_ => new Incidence()).ToArray();

    public Incidence this[Relation relation] => byRelation[(int)relation];

    public void Add(Relation relation, int source, int target)
    {
        if (relation != Relation.None)
        {
            byRelation[(int)relation].Add(source, target);
        }
    }
}
