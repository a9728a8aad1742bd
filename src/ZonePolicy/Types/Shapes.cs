namespace ZonePolicy.Types;

/// <summary>
/// One attribute of an entity or nested object: its name in JSON and in the language, its type, and
/// the slot that holds its value at run time. Computed attributes are filled by the model indexer. A
/// reference may name the diagnostic id for an id it cannot resolve; otherwise that is ZP0203.
/// </summary>
internal sealed record AttributeDefinition(string Name, ZpType Type, int Slot, bool IsComputed, object? Default, string? UnknownReferenceId = null);

/// <summary>The attributes of an entity kind or of a nested object, with slot numbers.</summary>
internal abstract class Shape
{
    private readonly Dictionary<string, AttributeDefinition> byName = new(StringComparer.Ordinal);
    private readonly List<AttributeDefinition> attributes = [];

    protected Shape(string name) => Name = name;

    public string Name { get; }

    public IReadOnlyList<AttributeDefinition> Attributes => attributes;

    public int SlotCount => attributes.Count;

    public bool TryGet(string name, out AttributeDefinition attribute) => byName.TryGetValue(name, out attribute!);

    public AttributeDefinition this[string name] => byName[name];

    internal void Add(string name, ZpType type, object? defaultValue = null, bool computed = false, string? unknownReference = null)
    {
        var attribute = new AttributeDefinition(name, type, attributes.Count, computed, defaultValue, unknownReference);
        attributes.Add(attribute);
        byName.Add(name, attribute);
    }
}

internal sealed class RecordShape(string name) : Shape(name);

internal sealed class EntityShape : Shape
{
    public const int IdSlot = 0;
    public const int NameSlot = 1;
    public const int PropsSlot = 2;

    public EntityShape(EntityKind kind)
        : base(kind.Keyword())
    {
        Kind = kind;
        Add("id", ZpType.String);
        Add("name", ZpType.String);
        Add("props", PropsType.Instance);
    }

    public EntityKind Kind { get; }
}
