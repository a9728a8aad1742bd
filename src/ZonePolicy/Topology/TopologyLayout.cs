using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>What one top-level key of a topology holds.</summary>
internal enum TopLevelKey
{
    Other,
    Entities,
    Waivers,
    Attestations,
    Site,
}

/// <summary>
/// How the reader walks a topology, built once from the schema and the shapes: the compiled schema of the
/// top-level object, and for each of its keys what it holds, with the layout of the entities of each
/// collection (<c>zones</c>, <c>assets</c>, ...) and the schemas of a waiver and of an attestation.
/// </summary>
internal sealed class TopologyLayout
{
    private static readonly Lazy<TopologyLayout> Shared = new(() => new TopologyLayout(TopologyJsonSchema.Instance));

    private readonly List<RecordShape> recordShapes = [];

    private TopologyLayout(TopologyJsonSchema schema)
    {
        Root = schema.Root.Matcher;
        var count = Root.PropertyNames.Count;
        Keys = new TopLevelKey[count];
        Kinds = new EntityKind[count];
        Entities = new ObjectLayout?[count];
        Waivers = schema.ItemSchemaFor("waivers")?.Matcher;
        Attestations = schema.ItemSchemaFor("attestations")?.Matcher;
        for (var index = 0; index < count; index++)
        {
            var name = Root.PropertyNames[index];
            if (EntityKinds.TryParseCollection(name, out var kind))
            {
                var items = schema.ItemSchemaFor(name)
                    ?? throw new InvalidOperationException($"the topology schema does not say what `{name}` holds");
                Keys[index] = TopLevelKey.Entities;
                Kinds[index] = kind;
                Entities[index] = ObjectLayout.ForEntities(items.Matcher, TopologySchema.For(kind), TableOf);
            }
            else
            {
                Keys[index] = name switch
                {
                    "waivers" => TopLevelKey.Waivers,
                    "attestations" => TopLevelKey.Attestations,
                    "site" => TopLevelKey.Site,
                    _ => TopLevelKey.Other,
                };
            }
        }
    }

    public static TopologyLayout Instance => Shared.Value;

    /// <summary>The top-level object, its arrays' items left out (<see cref="Entities"/> and <see cref="Waivers"/> check them).</summary>
    public SchemaMatcher Root { get; }

    /// <summary>By the index of a top-level key: what it holds.</summary>
    public TopLevelKey[] Keys { get; }

    /// <summary>By the index of a top-level key that holds entities: their kind.</summary>
    public EntityKind[] Kinds { get; }

    /// <summary>By the index of a top-level key that holds entities: their layout.</summary>
    public ObjectLayout?[] Entities { get; }

    /// <summary>The schema of one waiver.</summary>
    public SchemaMatcher? Waivers { get; }

    /// <summary>The schema of one attestation.</summary>
    public SchemaMatcher? Attestations { get; }

    /// <summary>The shapes of nested objects, by the number of their table.</summary>
    public IReadOnlyList<RecordShape> RecordShapes => recordShapes;

    private int TableOf(RecordShape shape)
    {
        var index = recordShapes.IndexOf(shape);
        if (index < 0)
        {
            recordShapes.Add(shape);
            index = recordShapes.Count - 1;
        }

        return index;
    }
}
