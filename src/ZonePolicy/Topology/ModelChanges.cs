using System.Collections;
using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>
/// What differs between two loads of one site, for reusing what rules found in the first: which attributes of
/// which entity kinds hold another value in some entity, and which shapes of nested objects differ in any way.
/// Only a site with the same entities in the same order and the same references between them compares at
/// all (<see cref="Between"/> is null otherwise): then every entity and nested object keeps its place, and a
/// result found in the old model holds in the new one wherever it read nothing that changed. Attributes are
/// compared when first asked about.
/// </summary>
internal sealed class ModelChanges
{
    private readonly SiteModel before;
    private readonly SiteModel after;
    private readonly Dictionary<(EntityKind, int), bool> attributes = [];
    private readonly Dictionary<RecordShape, bool> records = [];

    private ModelChanges(SiteModel before, SiteModel after)
    {
        this.before = before;
        this.after = after;
    }

    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>, or null when entities or references differ.</summary>
    public static ModelChanges? Between(SiteModel before, SiteModel after)
    {
        foreach (var kind in EntityKinds.All)
        {
            var old = before.TableOf(kind);
            var current = after.TableOf(kind);
            if (old.Count != current.Count)
            {
                return null;
            }

            foreach (var attribute in old.Shape.Attributes)
            {
                if ((attribute.Slot == EntityShape.IdSlot || RefersToEntities(attribute.Type)) && !attribute.IsComputed
                    && !SameColumn(old, current, attribute))
                {
                    return null;
                }
            }
        }

        return new ModelChanges(before, after);
    }

    /// <summary>True when some entity of <paramref name="kind"/> holds another value at <paramref name="slot"/>.</summary>
    public bool Changed(EntityKind kind, int slot)
    {
        if (!attributes.TryGetValue((kind, slot), out var changed))
        {
            // A computed attribute is compared by its values too: some are worked out from more than references.
            changed = !SameColumn(before.TableOf(kind), after.TableOf(kind), TopologySchema.For(kind).Attributes[slot]);
            attributes.Add((kind, slot), changed);
        }

        return changed;
    }

    /// <summary>True when the nested objects of <paramref name="shape"/> differ in number or in any attribute.</summary>
    public bool Changed(RecordShape shape)
    {
        if (!records.TryGetValue(shape, out var changed))
        {
            var old = before.RecordTable(shape);
            var current = after.RecordTable(shape);
            changed = (old?.Count ?? 0) != (current?.Count ?? 0)
                || (old is not null && current is not null && !shape.Attributes.All(attribute => SameColumn(old, current, attribute)));
            records.Add(shape, changed);
        }

        return changed;
    }

    private static bool RefersToEntities(ZpType type) => type switch
    {
        EntityType => true,
        ListType list => RefersToEntities(list.Element),
        _ => false,
    };

    private static bool SameColumn(RowTable before, RowTable after, AttributeDefinition attribute)
    {
        var slot = attribute.Slot;
        if (attribute.Type is EntityType or RecordType && !attribute.IsComputed)
        {
            for (var row = 0; row < before.Count; row++)
            {
                if (before.OrdinalAt(slot, row) != after.OrdinalAt(slot, row))
                {
                    return false;
                }
            }

            return true;
        }

        for (var row = 0; row < before.Count; row++)
        {
            if (!SameValue(before.Get(slot, row), after.Get(slot, row)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Equal values that also print the same: rows by their place, lists and props item by item, a decimal with its scale.</summary>
    private static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (TableRow x, TableRow y) => x.Table.Shape == y.Table.Shape && x.Ordinal == y.Ordinal,
        (decimal x, decimal y) => decimal.GetBits(x).AsSpan().SequenceEqual(decimal.GetBits(y)),
        (IDictionary x, IDictionary y) => x.Count == y.Count && x.Keys.Cast<object>().All(key => y.Contains(key) && SameValue(x[key], y[key])),
        (IList x, IList y) => x.Count == y.Count && Enumerable.Range(0, x.Count).All(i => SameValue(x[i], y[i])),
        _ => a.GetType() == b.GetType() && a.Equals(b),
    };
}
