using System.Numerics;

namespace ZonePolicy.Topology;

/// <summary>
/// Values by index in chunks of 4,096 (the first grows up to that size), each allocated when one of its
/// indexes gets a value: a column never moves as it grows, never lands on the large object heap, and a range
/// of rows without values costs nothing.
/// </summary>
internal sealed class Chunks<T>
{
    private const int Shift = 12;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private T[]?[] chunks = new T[]?[1];

    public T this[int index]
    {
        get
        {
            var c = index >> Shift;
            return c < chunks.Length && chunks[c] is { } chunk && (index & Mask) < chunk.Length ? chunk[index & Mask] : default!;
        }

        set
        {
            var c = index >> Shift;
            if (c < chunks.Length && chunks[c] is { } chunk && (index & Mask) < chunk.Length)
            {
                chunk[index & Mask] = value;
                return;
            }

            ChunkFor(index)[index & Mask] = value;
        }
    }

    private T[] ChunkFor(int index)
    {
        var c = index >> Shift;
        if (c >= chunks.Length)
        {
            Array.Resize(ref chunks, Math.Max(c + 1, chunks.Length * 2));
        }

        var chunk = chunks[c];
        var needed = c == 0 ? index + 1 : ChunkSize;
        if (chunk is null || chunk.Length < needed)
        {
            var size = c == 0 ? Math.Min(ChunkSize, Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)needed))) : ChunkSize;
            var grown = size == ChunkSize ? GC.AllocateArray<T>(size, pinned: true) : new T[size];
            chunk?.CopyTo(grown, 0);
            chunks[c] = chunk = grown;
        }

        return chunk;
    }
}

/// <summary>The values of one attribute for every row of a table.</summary>
internal abstract class Column
{
    public abstract object? Get(int row);

    public abstract void Set(int row, object? value);
}

/// <summary>
/// A column of scalar values (texts, numbers, dates, booleans) held as codes of the model's
/// <see cref="ValuePool"/>: four bytes a row, nothing for the garbage collector to trace, no box to read.
/// </summary>
internal sealed class CodeColumn(ValuePool pool) : Column
{
    private readonly Chunks<int> codes = new();

    public override object? Get(int row) => pool[codes[row]];

    public override void Set(int row, object? value) => codes[row] = pool.CodeOf(value);

    public void SetCode(int row, int code) => codes[row] = code;
}

/// <summary>A column of references to rows of another table (an entity's zone, an asset's os), held as their ordinals.</summary>
internal sealed class RowColumn(RowTable target) : Column
{
    private readonly Chunks<int> ordinals = new();

    public override object? Get(int row) => ordinals[row] is var stored and > 0 ? target.RowAt(stored - 1) : null;

    public override void Set(int row, object? value) => ordinals[row] = value switch
    {
        null => 0,
        TableRow other when other.Table == target => other.Ordinal + 1,
        _ => throw new ArgumentException($"a `{target.Shape.Name}` attribute holds rows of that table only", nameof(value)),
    };

    public void SetOrdinal(int row, int ordinal) => ordinals[row] = ordinal + 1;

    public int OrdinalAt(int row) => ordinals[row] - 1;
}

/// <summary>A column of any other values: ids, lists, the props bag.</summary>
internal sealed class ObjectColumn : Column
{
    private readonly Chunks<object?> values = new();

    public override object? Get(int row) => values[row];

    public override void Set(int row, object? value) => values[row] = value;
}

/// <summary>
/// A computed attribute (zone.assets, asset.flowsIn, ...) worked out for every row the first time any row's
/// value is read, so a check pays only for the computed attributes its rules read.
/// </summary>
internal sealed class ComputedColumn(Func<object?[]> compute) : Column
{
    private readonly Lazy<object?[]> values = new(compute, LazyThreadSafetyMode.ExecutionAndPublication);

    public override object? Get(int row) => values.Value[row];

    public override void Set(int row, object? value) => values.Value[row] = value;
}
