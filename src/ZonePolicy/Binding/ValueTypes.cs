using ZonePolicy.Types;

namespace ZonePolicy.Binding;

/// <summary>Where a list mixes types: the indexes that lead to the element, its type and the type of those before it.</summary>
internal sealed record TypeMix(IReadOnlyList<int> Path, ZpType Found, ZpType After);

/// <summary>
/// The types of values known before the rules run (literals, parameter values), and the widening of an int
/// to a decimal where a decimal is wanted, so that the run-time sees the one type the binder gave.
/// </summary>
internal static class ValueTypes
{
    /// <summary>The type of <paramref name="value"/>; a list that mixes types (see <see cref="FindMix"/>) is a list of errors.</summary>
    public static ZpType Of(object? value) => value switch
    {
        null => ZpType.Null,
        bool => ZpType.Bool,
        long or int => ZpType.Int,
        decimal => ZpType.Decimal,
        string => ZpType.String,
        DateOnly => ZpType.Date,
        IReadOnlyList<object?> list => ZpType.ListOf(list.Select(Of).Aggregate(ZpType.Null as ZpType, (a, b) => ExpressionBinder.Unify(a, b) ?? ZpType.Error)),
        _ => ZpType.Any,
    };

    /// <summary>
    /// The first element, in reading order and at any depth, whose type has nothing in common with the
    /// elements of its list before it (ints and decimals widen to decimals); null when every list holds one type.
    /// </summary>
    public static TypeMix? FindMix(object? value)
    {
        if (value is not IReadOnlyList<object?> list)
        {
            return null;
        }

        ZpType element = ZpType.Null;
        for (var i = 0; i < list.Count; i++)
        {
            if (FindMix(list[i]) is { } inner)
            {
                return inner with { Path = [i, .. inner.Path] };
            }

            var type = Of(list[i]);
            if (ExpressionBinder.Unify(element, type) is not { } unified)
            {
                return new TypeMix([i], type, element);
            }

            element = unified;
        }

        return null;
    }

    /// <summary>Whether a value of type <paramref name="from"/> must be widened to stand where <paramref name="to"/> is wanted.</summary>
    public static bool Widens(ZpType from, ZpType to) =>
        (from == ZpType.Int && to == ZpType.Decimal)
        || (from is ListType a && to is ListType b && Widens(a.Element, b.Element));

    /// <summary><paramref name="value"/> with every int where <paramref name="type"/> wants a decimal made a decimal.</summary>
    public static object? Widen(object? value, ZpType type) => (value, type) switch
    {
        (long l, PrimitiveType p) when p == ZpType.Decimal => (decimal)l,
        (IReadOnlyList<object?> list, ListType listType) => list.Select(v => Widen(v, listType.Element)).ToArray(),
        _ => value,
    };
}
