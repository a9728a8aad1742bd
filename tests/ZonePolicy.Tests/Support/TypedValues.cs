using ZonePolicy.Evaluation;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Tests.Support;

/// <summary>What a run-time value must look like for each static type, and equality of values of one type.</summary>
internal static class TypedValues
{
    /// <summary>
    /// Whether <paramref name="value"/> is a value of <paramref name="type"/>: null fits every type, an int is a
    /// <see cref="long"/> and never a <see cref="decimal"/> (and the other way round), and every element of a
    /// list fits the list's element type.
    /// </summary>
    public static bool Fits(object? value, ZpType type) => value is null || type switch
    {
        _ when type == ZpType.Null => false,
        _ when type == ZpType.Any || type == ZpType.Error => true,
        _ when type == ZpType.Bool => value is bool,
        _ when type == ZpType.Int => value is long,
        _ when type == ZpType.Decimal => value is decimal,
        _ when type == ZpType.String => value is string,
        _ when type == ZpType.Date => value is DateOnly,
        _ when type == ZpType.Duration => value is Duration,
        _ when type == ZpType.Path => value is PathValue,
        ListType list => value is IReadOnlyList<object?> items && items.All(item => Fits(item, list.Element)),
        EntityType entity => value is Entity e && e.Kind == entity.Kind,
        RecordType => value is RecordValue,
        PropsType => value is IReadOnlyDictionary<string, object?>,
        _ => false,
    };

    /// <summary>Equality of two values: decimals by value (<c>1.0</c> is <c>1</c>), lists element by element, entities by identity.</summary>
    public static bool Same(object? a, object? b) => (a, b) switch
    {
        (IReadOnlyList<object?> x, IReadOnlyList<object?> y) => x.Count == y.Count && x.Zip(y).All(pair => Same(pair.First, pair.Second)),
        (PathValue x, PathValue y) => x.ToString() == y.ToString(),
        _ => Equals(a, b),
    };
}
