using ZonePolicy.Diagnostics;
using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>
/// The rows of one shape, stored column-wise: one column per attribute slot that any row has a value for
/// (<see cref="CodeColumn"/> for scalars, <see cref="RowColumn"/> for references to rows, an
/// <see cref="ObjectColumn"/> for the rest), and where each row starts in the file. A large site holds a
/// few chunked arrays per attribute instead of objects per row. Rows are added while the file is read;
/// <see cref="Seal"/> then turns each row's offset into its line and column. The row objects
/// (<see cref="Entity"/>, <see cref="RecordValue"/>) are made when first asked for.
/// </summary>
internal abstract class RowTable
{
    private readonly ModelTables model;
    private readonly Column?[] columns;
    private readonly Chunks<int> starts = new();
    private TableRow?[] rows = [];
    private LineTable? lineTable;

    // The column of each placed row, in a file with a character beyond ASCII; null in an ASCII file, where
    // the line table alone gives it. Rows added after the table was sealed have no place.
    private int[]? placedColumns;
    private int placed;

    private protected RowTable(Shape shape, ModelTables model)
    {
        Shape = shape;
        this.model = model;
        columns = new Column?[shape.SlotCount];
    }

    public Shape Shape { get; }

    public int Count { get; private set; }

    public object? Get(int slot, int row) => columns[slot]?.Get(row);

    public void Set(int slot, int row, object? value)
    {
        if (value is not null || columns[slot] is not null)
        {
            ColumnAt(slot).Set(row, value);
        }
    }

    /// <summary>Stores a scalar by its <see cref="ValuePool"/> code.</summary>
    public void SetCode(int slot, int row, int code) => ((CodeColumn)ColumnAt(slot)).SetCode(row, code);

    /// <summary>Stores a reference to the row <paramref name="ordinal"/> of the table the attribute refers to.</summary>
    public void SetOrdinal(int slot, int row, int ordinal) => ((RowColumn)ColumnAt(slot)).SetOrdinal(row, ordinal);

    /// <summary>Makes a computed attribute: <paramref name="compute"/> gives its value for every row, when first read.</summary>
    public void SetComputed(int slot, Func<object?[]> compute) => columns[slot] = new ComputedColumn(compute);

    /// <summary>The ordinal of the row a reference attribute names, or -1.</summary>
    public int OrdinalAt(int slot, int row) => columns[slot] is RowColumn column ? column.OrdinalAt(row) : -1;

    /// <summary>The object of a row, made on first use and the same ever after (also when asked from several threads).</summary>
    public TableRow RowAt(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, Count);
        var made = rows;
        if (ordinal >= made.Length)
        {
            made = MakeRoom();
        }

        return made[ordinal] ?? Interlocked.CompareExchange(ref made[ordinal], CreateRow(ordinal), null) ?? made[ordinal]!;
    }

    // A table none of whose rows was asked for while the file was read gets its array of row objects when one is
    // first asked for after loading, maybe by several threads at once: the first array placed is the one kept.
    // While the file is read (one thread), the array grows as rows are asked for.
    private TableRow?[] MakeRoom()
    {
        var made = rows;
        if (lineTable is not null && made.Length == 0)
        {
            Interlocked.CompareExchange(ref rows, new TableRow?[Count], made);
            return rows;
        }

        Array.Resize(ref rows, Math.Max(Count, rows.Length * 2));
        return rows;
    }

    /// <summary>Where the row's JSON object starts, worked out from its offset when asked.</summary>
    public SourceLocation LocationOf(int row)
    {
        if (lineTable is null || row >= placed)
        {
            return SourceLocation.InFile(lineTable?.File ?? string.Empty);
        }

        if (placedColumns is null)
        {
            return lineTable.AsciiPoint(starts[row]);
        }

        return SourceLocation.At(lineTable.File, lineTable.LineOf(starts[row]), placedColumns[row]);
    }

    /// <summary>
    /// Ends loading: keeps the file's line table to place each row when asked, and in a file with characters
    /// beyond ASCII each row's column, which needs the bytes the model does not keep.
    /// </summary>
    public void Seal(SourceText text)
    {
        lineTable = text.Lines;
        placed = Count;
        if (!text.IsAscii)
        {
            var offsets = new int[Count];
            for (var row = 0; row < Count; row++)
            {
                offsets[row] = starts[row];
            }

            placedColumns = new int[Count];
            text.PlaceColumns(offsets, placedColumns);
        }

        if (rows.Length > 0)
        {
            Array.Resize(ref rows, Count);
        }
    }

    /// <summary>Where the JSON object of a row starts, as a byte offset.</summary>
    public int OffsetOf(int row) => starts[row];

    /// <summary>Adds a row whose JSON object starts at <paramref name="offset"/>; returns its ordinal.</summary>
    public int Add(int offset)
    {
        starts[Count] = offset;
        return Count++;
    }

    private protected abstract TableRow CreateRow(int ordinal);

    private Column ColumnAt(int slot) => columns[slot] ??= CreateColumn(Shape.Attributes[slot]);

    private Column CreateColumn(AttributeDefinition attribute) => attribute.Type switch
    {
        EntityType entity => new RowColumn(model.Entities(entity.Kind)),
        RecordType record => new RowColumn(model.Records(record.Shape)),
        _ when Shape is EntityShape && attribute.Slot == EntityShape.IdSlot => new ObjectColumn(),
        _ when attribute.Type == ZpType.String || attribute.Type == ZpType.Int || attribute.Type == ZpType.Decimal
            || attribute.Type == ZpType.Bool || attribute.Type == ZpType.Date => new CodeColumn(model.Pool),
        _ => new ObjectColumn(),
    };
}

/// <summary>The entities of one kind, in the order of the file.</summary>
internal sealed class EntityTable(EntityShape shape, ModelTables model) : RowTable(shape, model)
{
    private Entity[]? all;

    public EntityShape EntityShape { get; } = shape;

    public EntityKind Kind => EntityShape.Kind;

    /// <summary>Every entity of the table, in file order.</summary>
    public IReadOnlyList<Entity> Entities
    {
        get
        {
            if (all is { } made && made.Length == Count)
            {
                return made;
            }

            var entities = new Entity[Count];
            for (var i = 0; i < entities.Length; i++)
            {
                entities[i] = this[i];
            }

            return all = entities;
        }
    }

    public Entity this[int ordinal] => (Entity)RowAt(ordinal);

    /// <summary>The id of an entity (the empty id when it has none).</summary>
    public string IdOf(int ordinal) => Get(EntityShape.IdSlot, ordinal) as string ?? string.Empty;

    /// <summary>The ids of the entities so far, in file order.</summary>
    public IEnumerable<string> Ids() => Enumerable.Range(0, Count).Select(IdOf);

    private protected override TableRow CreateRow(int ordinal) => new Entity(this, ordinal);
}

/// <summary>The nested objects of one shape (every service of every asset, ...).</summary>
internal sealed class RecordTable(RecordShape shape, ModelTables model) : RowTable(shape, model)
{
    public RecordValue this[int ordinal] => (RecordValue)RowAt(ordinal);

    private protected override TableRow CreateRow(int ordinal) => new RecordValue(this, ordinal);
}

/// <summary>The tables of one model, one per entity kind and one per shape of nested object, and their pool of values.</summary>
internal sealed class ModelTables
{
    private readonly Dictionary<RecordShape, RecordTable> records = [];

    public ModelTables()
    {
        EntityTables = [.. EntityKinds.All.Select(kind => new EntityTable(TopologySchema.For(kind), this))];
    }

    public ValuePool Pool { get; } = new();

    public EntityTable[] EntityTables { get; }

    public IEnumerable<RecordTable> RecordTables => records.Values;

    public EntityTable Entities(EntityKind kind) => EntityTables[(int)kind];

    public RecordTable Records(RecordShape shape)
    {
        if (!records.TryGetValue(shape, out var table))
        {
            records.Add(shape, table = new RecordTable(shape, this));
        }

        return table;
    }

    /// <summary>The table of a shape of nested object, or null when no row of it was added.</summary>
    public RecordTable? Find(RecordShape shape) => records.GetValueOrDefault(shape);

    public void Seal(SourceText text)
    {
        foreach (var table in EntityTables)
        {
            table.Seal(text);
        }

        foreach (var table in RecordTables)
        {
            table.Seal(text);
        }
    }
}
