using ZonePolicy.Diagnostics;
using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>
/// A zone, asset, conduit, flow, data item, operation or party of a loaded site. Attribute values sit in
/// <see cref="Values"/> at the slots of <see cref="Shape"/>. Values are null (absent), bool, long,
/// decimal, string, <see cref="DateOnly"/>, <see cref="Entity"/>, <see cref="RecordValue"/>, a list as
/// <see cref="IReadOnlyList{T}"/> of those, or the props bag as <see cref="IReadOnlyDictionary{TKey,TValue}"/>.
/// </summary>
internal sealed class Entity(EntityShape shape, string id, SourceLocation location)
{
    public EntityShape Shape { get; } = shape;

    public EntityKind Kind => Shape.Kind;

    public string Id { get; } = id;

    /// <summary>Where the entity's JSON object starts.</summary>
    public SourceLocation Location { get; } = location;

    public object?[] Values { get; } = CreateValues(shape, id);

    public object? this[string attribute]
    {
        get => Values[Shape[attribute].Slot];
        set => Values[Shape[attribute].Slot] = value;
    }

    public override string ToString() => Id;

    private static object?[] CreateValues(EntityShape shape, string id)
    {
        var values = new object?[shape.SlotCount];
        values[EntityShape.IdSlot] = id;
        return values;
    }
}

/// <summary>A nested object of an entity (<c>os</c>, a service, a scan, ...).</summary>
internal sealed class RecordValue(RecordShape shape, SourceLocation location)
{
    public RecordShape Shape { get; } = shape;

    public SourceLocation Location { get; } = location;

    public object?[] Values { get; } = new object?[shape.SlotCount];

    public object? this[string attribute]
    {
        get => Values[Shape[attribute].Slot];
        set => Values[Shape[attribute].Slot] = value;
    }
}

/// <summary>An approved exception to a rule, as the topology states it.</summary>
internal sealed record Waiver(
    string? Id,
    string Rule,
    IReadOnlyList<string> Targets,
    string Reason,
    string ApprovedBy,
    DateOnly Expires,
    SourceLocation Location);

/// <summary>
/// Evidence for a clause of a pack's catalogue that no topology attribute holds (a contract, a procedure, a
/// configuration): who vouches for it, when, and until when.
/// </summary>
internal sealed record Attestation(
    string? Id,
    string Clause,
    AttestationStatus Status,
    string Evidence,
    string Owner,
    DateOnly Date,
    DateOnly Expires,
    SourceLocation Location);

/// <summary>What an attestation says about its clause.</summary>
internal enum AttestationStatus
{
    /// <summary>The site meets the clause.</summary>
    Met,

    /// <summary>The site does not meet the clause: a known gap.</summary>
    NotMet,

    /// <summary>The clause does not apply to the site, for the reason its evidence gives.</summary>
    NotApplicable,
}

/// <summary>A loaded, validated and indexed site: every entity by kind and by id, the waivers and the attestations.</summary>
internal sealed class SiteModel
{
    private readonly IReadOnlyList<Entity>[] byKind;
    private readonly Dictionary<string, Entity> byId;

    public SiteModel(string file, IReadOnlyList<Entity>[] entitiesByKind, IReadOnlyList<Waiver> waivers)
    {
        File = file;
        byKind = entitiesByKind;
        Waivers = waivers;
        byId = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var list in byKind)
        {
            foreach (var entity in list)
            {
                byId.TryAdd(entity.Id, entity);
            }
        }
    }

    public string File { get; }

    /// <summary>The <c>site</c> object's <c>id</c> and <c>name</c>, when the file gives them.</summary>
    public string? SiteId { get; init; }

    public string? SiteName { get; init; }

    public IReadOnlyList<Waiver> Waivers { get; }

    public IReadOnlyList<Attestation> Attestations { get; init; } = [];

    /// <summary>Where the <c>attestations</c> array starts, or the file's start when it has none: where missing evidence is reported.</summary>
    public SourceLocation AttestationsLocation { get; init; }

    /// <summary>The entities of one kind, in the order of the file.</summary>
    public IReadOnlyList<Entity> OfKind(EntityKind kind) => byKind[(int)kind];

    public bool TryGet(string id, out Entity entity) => byId.TryGetValue(id, out entity!);
}
