using ZonePolicy.Packs;
using ZonePolicy.Types;

namespace ZonePolicy.Scripting;

/// <summary>
/// How the language's values cross into C# and back: <c>bool</c>, <c>int</c> as <c>long</c>, <c>decimal</c>,
/// <c>string</c>, <c>date</c> as <c>DateOnly</c>, and <c>list&lt;T&gt;</c> as <c>IReadOnlyList&lt;T&gt;</c>;
/// a type that may be null as its nullable C# form.
/// </summary>
internal static class ScriptValues
{
    /// <summary>The C# type a parameter or return value of this type has, as C# writes it (<c>long?</c>, <c>IReadOnlyList&lt;string&gt;</c>).</summary>
    public static string CSharpName(ScriptValueType type)
    {
        var core = type.Type is ListType list ? $"IReadOnlyList<{ScalarName(list.Element)}>" : ScalarName(type.Type);
        return type.Nullable ? core + "?" : core;
    }

    /// <summary>The CLR type of a scalar, before nullability.</summary>
    public static Type ClrType(ZpType scalar) => scalar switch
    {
        _ when scalar == ZpType.Bool => typeof(bool),
        _ when scalar == ZpType.Int => typeof(long),
        _ when scalar == ZpType.Decimal => typeof(decimal),
        _ when scalar == ZpType.String => typeof(string),
        _ => typeof(DateOnly),
    };

    /// <summary>The value to pass for a parameter; null when it is null or holds a null the C# type cannot.</summary>
    public static object? ToClr(object? value, ScriptValueType type) => value switch
    {
        null => null,
        IReadOnlyList<object?> list when type.Type is ListType { Element: var element } => ListToClr(list, element),
        long or decimal when type.Type == ZpType.Decimal => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>A C# function's result as the language's value.</summary>
    public static object? FromClr(object? value) => value switch
    {
        null => null,
        bool or string or long or decimal or DateOnly => value,
        System.Collections.IEnumerable list => list.Cast<object?>().Select(FromClr).ToArray(),
        _ => value,
    };

    private static string ScalarName(ZpType scalar) => scalar switch
    {
        _ when scalar == ZpType.Bool => "bool",
        _ when scalar == ZpType.Int => "long",
        _ when scalar == ZpType.Decimal => "decimal",
        _ when scalar == ZpType.String => "string",
        _ => "DateOnly",
    };

    private static object? ListToClr(IReadOnlyList<object?> list, ZpType element)
    {
        var clr = ClrType(element);
        var array = Array.CreateInstance(clr, list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { } item)
            {
                return null;
            }

            array.SetValue(clr == typeof(decimal) ? Convert.ToDecimal(item, System.Globalization.CultureInfo.InvariantCulture) : item, i);
        }

        return array;
    }
}
