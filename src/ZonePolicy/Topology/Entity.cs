using ZonePolicy.Diagnostics;
using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>
/// A row of a <see cref="RowTable"/>: an entity or a nested object, whose attribute values sit in its table's
/// columns; <c>row[slot]</c> reads one by the slot of its attribute, <c>row["name"]</c> by name. Values are null (absent), bool, long, decimal, string,
/// <see cref="DateOnly"/>, <see cref="Entity"/>, <see cref="RecordValue"/>, a list as
/// <see cref="IReadOnlyList{T}"/> of those, or the props bag as <see cref="IReadOnlyDictionary{TKey,TValue}"/>.
/// </summary>
internal abstract class TableRow
{
    private protected TableRow(RowTable table, int ordinal)
    {
        Table = table;
        Ordinal = ordinal;
    }

    /// <summary>Where the row's JSON object starts.</summary>
    public SourceLocation Location => Table.LocationOf(Ordinal);

    /// <summary>The value of the attribute at <paramref name="slot"/> of the row's shape.</summary>
    public object? this[int slot]
    {
        get => Table.Get(slot, Ordinal);
        set => Table.Set(slot, Ordinal, value);
    }

    public object? this[string attribute]
    {
        get => Table.Get(Table.Shape[attribute].Slot, Ordinal);
        set => Table.Set(Table.Shape[attribute].Slot, Ordinal, value);
    }

    internal RowTable Table { get; }

    /// <summary>The row's place in its table: for an entity, among the entities of its kind in file order.</summary>
    internal int Ordinal { get; }
}

/// <summary>A zone, asset, conduit, flow, data item, operation or party of a loaded site.</summary>
internal sealed class Entity : TableRow
{
    private readonly EntityTable table;

    internal Entity(EntityTable table, int ordinal)
        : base(table, ordinal)
    {
        this.table = table;
    }

    public EntityShape Shape => table.EntityShape;

    public EntityKind Kind => table.Kind;

    public string Id => table.IdOf(Ordinal);

    public override string ToString() => Id;
}

/// <summary>A nested object of an entity (<c>os</c>, a service, a scan, ...).</summary>
internal sealed class RecordValue : TableRow
{
    internal RecordValue(RecordTable table, int ordinal)
        : base(table, ordinal)
    {
    }

    public RecordShape Shape => (RecordShape)Table.Shape;
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
    private readonly ModelTables tables;
    private Dictionary<string, Entity>? byId;

    public SiteModel(string file, ModelTables tables, IReadOnlyList<Waiver> waivers)
    {
        File = file;
        this.tables = tables;
        Waivers = waivers;
    }

    public string File { get; }

    /// <summary>The <c>site</c> object's <c>id</c> and <c>name</c>, when the file gives them.</summary>
    public string? SiteId { get; init; }

    public string? SiteName { get; init; }

    public IReadOnlyList<Waiver> Waivers { get; }

    public IReadOnlyList<Attestation> Attestations { get; init; } = [];

    /// <summary>Where the <c>attestations</c> array starts, or the file's start when it has none: where missing evidence is reported.</summary>
    public SourceLocation AttestationsLocation { get; init; }
    /// <summary>What the ends of each allow rule name, resolved when the site was checked.</summary>
    internal Dictionary<RecordValue, AllowRuleEnds> AllowRuleEnds { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The entities of one kind, in the order of the file.</summary>
    public IReadOnlyList<Entity> OfKind(EntityKind kind) => tables.Entities(kind).Entities;

    internal EntityTable TableOf(EntityKind kind) => tables.Entities(kind);

    /// <summary>The entity at the place <paramref name="entity"/> has in another load of this site.</summary>
    internal Entity Counterpart(Entity entity) => TableOf(entity.Kind)[entity.Ordinal];

    /// <summary>The nested objects of a shape, or null when the site has none.</summary>
    internal RecordTable? RecordTable(RecordShape shape) => tables.Find(shape);

    /// <summary>The entity with an id; the index is built on the first call, as few callers need it.</summary>
    public bool TryGet(string id, out Entity entity)
    {
        var index = LazyInitializer.EnsureInitialized(ref byId, () =>
        {
            var all = new Dictionary<string, Entity>(StringComparer.Ordinal);
            foreach (var table in tables.EntityTables)
            {
                foreach (var candidate in table.Entities)
                {
                    all.TryAdd(candidate.Id, candidate);
                }
            }

            return all;
        });
        return index.TryGetValue(id, out entity!);
    }
}

/// <summary>What one end of an allow rule names: a zone or an asset, or the assets of a type.</summary>
internal readonly record struct ResolvedEnd(Entity? Entity, string? Type);

/// <summary>The resolved <c>from</c> and <c>to</c> of an allow rule.</summary>
internal readonly record struct AllowRuleEnds(ResolvedEnd From, ResolvedEnd To);
