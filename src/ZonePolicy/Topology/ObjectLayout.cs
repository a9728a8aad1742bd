using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>
/// One kind of JSON object as the reader meets it: the compiled schema that checks it and the shape its
/// values are stored in, joined by key. For each key the schema declares: the attribute that stores its value
/// (none for a key the model does not keep) and, for a nested object or a list of them, the layout of those.
/// </summary>
internal sealed class ObjectLayout
{
    private ObjectLayout(SchemaMatcher schema, Shape shape, Func<RecordShape, int> tableOf)
    {
        if (!schema.IsClosed)
        {
            // Every key of an entity or nested object must be one the schema declares, so each has an attribute here.
            throw new InvalidOperationException($"the topology schema lets `{shape.Name}` have undeclared keys");
        }

        Schema = schema;
        Shape = shape;
        var readers = AttributeReaders.For(shape);
        Readers = new AttributeReader?[schema.PropertyNames.Count];
        Children = new ObjectLayout?[schema.PropertyNames.Count];
        for (var index = 0; index < Readers.Length; index++)
        {
            if (!readers.TryGet(schema.PropertyNames[index], out var reader))
            {
                continue;
            }

            Readers[index] = reader;
            if (reader.Record is { } record)
            {
                var objectSchema = reader.Form == ValueForm.RecordList ? schema.Property(index).Items : schema.Property(index);
                Children[index] = objectSchema is null ? null : new ObjectLayout(objectSchema, record, tableOf);
            }
        }

        WithDefaults = [.. readers.WithDefaults];
        TableIndex = shape is RecordShape recordShape ? tableOf(recordShape) : -1;
    }

    public SchemaMatcher Schema { get; }

    public Shape Shape { get; }

    /// <summary>By the index of a key among the schema's declared keys: the attribute that stores its value.</summary>
    public AttributeReader?[] Readers { get; }

    /// <summary>By the index of a key: the layout of the nested objects its value holds.</summary>
    public ObjectLayout?[] Children { get; }

    public AttributeReader[] WithDefaults { get; }

    /// <summary>For a nested object, the number of the record table that holds it.</summary>
    public int TableIndex { get; }

    public static ObjectLayout ForEntities(SchemaMatcher schema, EntityShape shape, Func<RecordShape, int> tableOf) =>
        new(schema, shape, tableOf);
}
