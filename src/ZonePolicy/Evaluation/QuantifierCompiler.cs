using ZonePolicy.Binding;
using ZonePolicy.Syntax;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>
/// Compiles <c>any all none count sum min max</c>. Conditions use three-valued logic: <c>any</c> is true
/// when one element holds, else null when one is unknown; <c>all</c> is false when one fails, else null when
/// one is unknown. <c>sum</c>, <c>min</c> and <c>max</c> skip null values; <c>min</c>/<c>max</c> of nothing is null,
/// and <c>sum</c> of nothing is the zero of its type. A sum that overflows is null, whatever follows.
/// Lists are walked by index: a foreach over the interface would allocate an enumerator per evaluation.
/// </summary>
internal static class QuantifierCompiler
{
    public static Evaluator Compile(BoundQuantifier q)
    {
        var source = ExpressionCompiler.Compile(q.Source);
        var slot = q.Variable?.Slot ?? -1;
        var where = q.Where is null ? null : ExpressionCompiler.Compile(q.Where);
        var select = q.Select is null ? null : ExpressionCompiler.Compile(q.Select);

        return q.Kind switch
        {
            QuantifierKind.Any => frame => Any(source, slot, where, frame),
            QuantifierKind.All => frame => All(source, slot, where!, frame),
            QuantifierKind.None => frame => Any(source, slot, where, frame) is bool b ? Truth.Of(!b) : null,
            QuantifierKind.Count => frame => Count(source, slot, where, frame),
            QuantifierKind.Sum => frame => Fold(source, slot, where, select, frame, Operations.Add, empty: ZeroOf(q.Type)),
            QuantifierKind.Min => frame => Fold(source, slot, where, select, frame, (a, b) => Operations.Compare(b, a) < 0 ? b : a, empty: null),
            _ => frame => Fold(source, slot, where, select, frame, (a, b) => Operations.Compare(b, a) > 0 ? b : a, empty: null),
        };
    }

    private static object? Any(Evaluator source, int slot, Evaluator? where, Frame frame)
    {
        if (source(frame) is not IReadOnlyList<object?> items)
        {
            return null;
        }

        if (where is null)
        {
            return Truth.Of(items.Count > 0);
        }

        var unknown = false;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            frame.Context.Monitor.Spend();
            frame.Slots[slot] = item;
            switch (where(frame))
            {
                case true:
                    return Truth.True;
                case null:
                    unknown = true;
                    break;
            }
        }

        return unknown ? null : Truth.False;
    }

    private static object? All(Evaluator source, int slot, Evaluator where, Frame frame)
    {
        if (source(frame) is not IReadOnlyList<object?> items)
        {
            return null;
        }

        var unknown = false;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            frame.Context.Monitor.Spend();
            frame.Slots[slot] = item;
            switch (where(frame))
            {
                case false:
                    return Truth.False;
                case null:
                    unknown = true;
                    break;
            }
        }

        return unknown ? null : Truth.True;
    }

    private static object? Count(Evaluator source, int slot, Evaluator? where, Frame frame)
    {
        if (source(frame) is not IReadOnlyList<object?> items)
        {
            return null;
        }

        if (where is null)
        {
            return (long)items.Count;
        }

        long count = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            frame.Context.Monitor.Spend();
            frame.Slots[slot] = item;
            if (where(frame) is true)
            {
                count++;
            }
        }

        return count;
    }

    private static object? Fold(Evaluator source, int slot, Evaluator? where, Evaluator? select, Frame frame, Func<object, object, object?> combine, object? empty)
    {
        if (source(frame) is not IReadOnlyList<object?> items)
        {
            return null;
        }

        object? result = null;
        var folded = false;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            frame.Context.Monitor.Spend();
            if (slot >= 0)
            {
                frame.Slots[slot] = item;
            }

            if (where is not null && where(frame) is not true)
            {
                continue;
            }

            var value = select is null ? item : select(frame);
            if (value is null)
            {
                continue;
            }

            if (!folded)
            {
                (result, folded) = (value, true);
                continue;
            }

            // An overflow makes the whole result unknown: the values after it must not start it again.
            result = combine(result!, value);
            if (result is null)
            {
                return null;
            }
        }

        return folded ? result : empty;
    }

    /// <summary>The sum of no values: the zero of the summed type, or null when the type is only known at run time.</summary>
    private static object? ZeroOf(ZpType type) =>
        type == ZpType.Int ? 0L
        : type == ZpType.Decimal ? 0m
        : type == ZpType.Duration ? new Duration(0)
        : null;
}
