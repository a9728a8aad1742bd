using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>How the loader reads an attribute's JSON value.</summary>
internal enum ValueForm
{
    String,
    Integer,
    Decimal,
    Bool,
    Date,
    Reference,
    ReferenceList,
    Record,
    RecordList,
    StringList,
    Props,
}

/// <summary>One stored attribute of a shape, with how to read it and, for a reference, what it must name.</summary>
internal sealed record AttributeReader(AttributeDefinition Definition, ValueForm Form, EntityKind Target, RecordShape? Record);

/// <summary>The stored (not computed) attributes of a shape by JSON key, looked up without allocating the key.</summary>
internal sealed class AttributeReaders
{
    private static readonly Dictionary<Shape, AttributeReaders> ByShape = BuildAll();

    private readonly Dictionary<string, AttributeReader> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributeReader>.AlternateLookup<ReadOnlySpan<char>> bySpan;

    private AttributeReaders(Shape shape)
    {
        bySpan = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var attribute in shape.Attributes)
        {
            if (attribute.IsComputed)
            {
                continue;
            }

            var reader = Create(attribute);
            byName.Add(attribute.Name, reader);
            if (attribute.Default is not null)
            {
                WithDefaults.Add(reader);
            }
        }
    }

    public List<AttributeReader> WithDefaults { get; } = [];

    public static AttributeReaders For(Shape shape) => ByShape[shape];

    public bool TryGet(ReadOnlySpan<char> key, out AttributeReader reader) => bySpan.TryGetValue(key, out reader!);

    private static Dictionary<Shape, AttributeReaders> BuildAll()
    {
        var all = new Dictionary<Shape, AttributeReaders>();
        foreach (var kind in EntityKinds.All)
        {
            Add(TopologySchema.For(kind));
        }

        return all;

        void Add(Shape shape)
        {
            if (all.ContainsKey(shape))
            {
                return;
            }

            all.Add(shape, new AttributeReaders(shape));
            foreach (var attribute in shape.Attributes)
            {
                if (RecordShapeOf(attribute.Type) is { } record)
                {
                    Add(record);
                }
            }
        }
    }

    private static AttributeReader Create(AttributeDefinition attribute)
    {
        var (form, target) = attribute.Type switch
        {
            EntityType entity => (ValueForm.Reference, entity.Kind),
            ListType { Element: EntityType entity } => (ValueForm.ReferenceList, entity.Kind),
            ListType { Element: RecordType } => (ValueForm.RecordList, default),
            ListType => (ValueForm.StringList, default),
            RecordType => (ValueForm.Record, default),
            PropsType => (ValueForm.Props, default),
            _ when attribute.Type == ZpType.Int => (ValueForm.Integer, default),
            _ when attribute.Type == ZpType.Decimal => (ValueForm.Decimal, default),
            _ when attribute.Type == ZpType.Bool => (ValueForm.Bool, default),
            _ when attribute.Type == ZpType.Date => (ValueForm.Date, default),
            _ => (ValueForm.String, default(EntityKind)),
        };
        return new AttributeReader(attribute, form, target, RecordShapeOf(attribute.Type));
    }

    private static RecordShape? RecordShapeOf(ZpType type) => type switch
    {
        RecordType record => record.Shape,
        ListType { Element: RecordType record } => record.Shape,
        _ => null,
    };
}
