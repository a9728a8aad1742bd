using CsCheck;
using ZonePolicy.Binding;
using ZonePolicy.Tests.Support;
using ZonePolicy.Types;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>
/// Generates well-typed expressions, type by type, and checks that each compiles to the type it was built
/// for and evaluates, without a diagnostic, to null or a value of its static type.
/// </summary>
public sealed class TypedExpressionPropertyTests
{
    private const int MaxDepth = 4;

    private static readonly ExpressionHarness Harness = new(ExpressionHarness.SmallSite);

    private static readonly ZpType[] ElementTypes = [ZpType.Int, ZpType.Decimal, ZpType.Bool, ZpType.String, ZpType.Date, ZpType.Duration];

    private static readonly ZpType[] Generated = [.. ElementTypes, .. ElementTypes.Select(ZpType.ListOf), ZpType.ListOf(ZpType.ListOf(ZpType.Int))];

    private static readonly Dictionary<ZpType, string[]> Leaves = new()
    {
        [ZpType.Int] = ["0", "1", "-1", "7", "9223372036854775807", "(-9223372036854775807 - 1)", "3037000500", "z.securityLevel"],
        [ZpType.Decimal] = ["0.5", "-2.25", "0.0", "79228162514264337593543950335.0", "-79228162514264337593543950335.0", "0.0000000000000000000000000001"],
        [ZpType.Bool] = ["true", "false", "f.encrypted"],
        [ZpType.String] = ["\"\"", "\"plc\"", "\"High\"", "\"critical\"", "a.type", "f.protocol", "a.os.name"],
        [ZpType.Date] = ["@2026-02-28", "@0001-01-01", "@9999-12-31", "today", "a.os.endOfSupport"],
        [ZpType.Duration] = ["days(0)", "days(30)", "days(-1)", "days(9223372036854775807)"],
    };

    [Fact]
    public void A_well_typed_expression_evaluates_to_null_or_a_value_of_its_static_type()
    {
        Gen.OneOfConst(Generated)
            .SelectMany(type => Expression(type, MaxDepth, []).Select(text => (type, text)))
            .Sample(generated => AssertWellTyped(generated.type, generated.text), iter: 4_000);
    }

    private static void AssertWellTyped(ZpType intended, string expression)
    {
        var evaluated = Harness.Evaluate(expression);
        Assert.True(evaluated.Diagnostics.Count == 0,
            $"`{expression}`: {string.Join("; ", evaluated.Diagnostics.Select(d => $"{d.Id} {d.Message}"))}");
        Assert.True(ExpressionBinder.Fits(evaluated.Type!, intended), $"`{expression}` is a `{evaluated.Type}`, built as a `{intended}`");
        Assert.True(TypedValues.Fits(evaluated.Value, evaluated.Type!),
            $"`{expression}` is a `{evaluated.Type}` but evaluates to {evaluated.Value} ({evaluated.Value?.GetType().Name})");
    }

    /// <summary>An expression of <paramref name="type"/>, using the comprehension variables in <paramref name="scope"/>.</summary>
    private static Gen<string> Expression(ZpType type, int depth, IReadOnlyList<(string Name, ZpType Type)> scope)
    {
        var leaves = LeafOptions(type, scope);
        if (depth == 0)
        {
            return Gen.OneOfConst(leaves);
        }

        var options = Composites(type, depth - 1, scope);
        return Gen.Int[0, options.Length + 1].SelectMany(choice => choice >= options.Length ? Gen.OneOfConst(leaves) : options[choice]());
    }

    private static string[] LeafOptions(ZpType type, IReadOnlyList<(string Name, ZpType Type)> scope)
    {
        var variables = scope.Where(v => ExpressionBinder.Fits(v.Type, type)).Select(v => v.Name);
        var literals = type is ListType ? ["[]"] : Leaves[(PrimitiveType)type];
        return [.. literals, .. variables, "null"];
    }

    private static Func<Gen<string>>[] Composites(ZpType type, int depth, IReadOnlyList<(string Name, ZpType Type)> scope)
    {
        Gen<string> Of(ZpType t) => Expression(t, depth, scope);
        Gen<string> Binary(ZpType l, string op, ZpType r) => Gen.Select(Of(l), Of(r), (x, y) => $"({x} {op} {y})");
        Gen<string> Call(string function, ZpType argument) => Of(argument).Select(x => $"{function}({x})");
        Gen<ZpType> Element() => Gen.OneOfConst(ElementTypes);

        if (type == ZpType.Int)
        {
            return
            [
                () => Binary(ZpType.Int, "+", ZpType.Int), () => Binary(ZpType.Int, "-", ZpType.Int), () => Binary(ZpType.Int, "*", ZpType.Int),
                () => Binary(ZpType.Int, "%", ZpType.Int), () => Of(ZpType.Int).Select(x => $"(-{x})"),
                () => Call("len", ZpType.String), () => Call("level", ZpType.String), () => Call("sum", ZpType.ListOf(ZpType.Int)),
                () => Call("max", ZpType.ListOf(ZpType.Int)), () => Element().SelectMany(e => Call("count", ZpType.ListOf(e))),
                () => Element().SelectMany(e => Call("len", ZpType.ListOf(e))),
                () => Element().SelectMany(e => Comprehension("count", e, ZpType.Bool, depth, scope, where: true)),
                () => Comprehension("sum", ZpType.Int, ZpType.Int, depth, scope),
            ];
        }

        if (type == ZpType.Decimal)
        {
            return
            [
                () => Binary(ZpType.Decimal, "+", ZpType.Int), () => Binary(ZpType.Int, "-", ZpType.Decimal), () => Binary(ZpType.Decimal, "*", ZpType.Decimal),
                () => Binary(ZpType.Int, "/", ZpType.Int), () => Binary(ZpType.Decimal, "/", ZpType.Decimal), () => Binary(ZpType.Decimal, "%", ZpType.Int),
                () => Of(ZpType.Decimal).Select(x => $"(-{x})"), () => Call("sum", ZpType.ListOf(ZpType.Decimal)),
                () => Call("min", ZpType.ListOf(ZpType.Decimal)), () => Comprehension("sum", ZpType.Decimal, ZpType.Decimal, depth, scope),
                () => Comprehension("max", ZpType.Int, ZpType.Decimal, depth, scope),
            ];
        }

        if (type == ZpType.Bool)
        {
            return
            [
                () => Binary(ZpType.Bool, "and", ZpType.Bool), () => Binary(ZpType.Bool, "or", ZpType.Bool), () => Of(ZpType.Bool).Select(x => $"(not {x})"),
                () => Gen.OneOfConst("<", "<=", ">", ">=").SelectMany(op => Gen.OneOfConst(ZpType.Int, ZpType.Decimal).SelectMany(l => Binary(l, op, ZpType.Decimal))),
                () => Gen.OneOfConst("<", ">=").SelectMany(op => Gen.OneOfConst(ZpType.Date, ZpType.Duration).SelectMany(t => Binary(t, op, t))),
                () => Gen.OneOfConst("==", "!=").SelectMany(op => Gen.OneOfConst(Generated).SelectMany(t => Binary(t, op, t))),
                () => Gen.OneOfConst("in", "not in").SelectMany(op => Element().SelectMany(e => Binary(e, op, ZpType.ListOf(e)))),
                () => Element().SelectMany(e => Binary(ZpType.ListOf(e), "contains", e)),
                () => Binary(ZpType.String, "contains", ZpType.String),
                () => Of(ZpType.String).SelectMany(s => Gen.OneOfConst("\"^p\"", "\"c$\"", "\"[0-9]+\"").Select(p => $"({s} matches {p})")),
                () => Gen.OneOfConst(Generated).SelectMany(t => Call("has", t)),
                () => Gen.OneOfConst("startsWith", "endsWith").SelectMany(f => Gen.Select(Of(ZpType.String), Of(ZpType.String), (x, y) => $"{f}({x}, {y})")),
                () => Gen.OneOfConst("any", "all", "none").SelectMany(q => Element().SelectMany(e => Comprehension(q, e, ZpType.Bool, depth, scope, where: true))),
            ];
        }

        if (type == ZpType.String)
        {
            return [() => Binary(ZpType.String, "+", ZpType.String), () => Call("lower", ZpType.String), () => Call("upper", ZpType.String)];
        }

        if (type == ZpType.Date)
        {
            return
            [
                () => Binary(ZpType.Date, "+", ZpType.Duration), () => Binary(ZpType.Duration, "+", ZpType.Date), () => Binary(ZpType.Date, "-", ZpType.Duration),
                () => Call("min", ZpType.ListOf(ZpType.Date)), () => Comprehension("max", ZpType.Int, ZpType.Date, depth, scope),
            ];
        }

        if (type == ZpType.Duration)
        {
            return
            [
                () => Call("days", ZpType.Int), () => Call("days", ZpType.Decimal), () => Binary(ZpType.Date, "-", ZpType.Date),
                () => Binary(ZpType.Duration, "+", ZpType.Duration), () => Binary(ZpType.Duration, "-", ZpType.Duration),
                () => Of(ZpType.Duration).Select(x => $"(-{x})"), () => Call("sum", ZpType.ListOf(ZpType.Duration)),
                () => Comprehension("sum", ZpType.Int, ZpType.Duration, depth, scope),
            ];
        }

        var element = ((ListType)type).Element;
        var numeric = element == ZpType.Decimal ? ZpType.Int : element;
        return
        [
            () => Gen.OneOfConst(element, numeric).SelectMany(Of).Array[1, 3].Select(items => $"[{string.Join(", ", items)}]"),
            () => Binary(type, "+", ZpType.ListOf(numeric)), () => Binary(ZpType.ListOf(numeric), "+", type),
        ];
    }

    /// <summary>
    /// <c>name(x in source [where condition] [select projection])</c> over a list of <paramref name="element"/>,
    /// with a projection of <paramref name="result"/>, or a condition when <paramref name="where"/>.
    /// </summary>
    private static Gen<string> Comprehension(string name, ZpType element, ZpType result, int depth, IReadOnlyList<(string Name, ZpType Type)> scope, bool where = false)
    {
        var variable = $"x{scope.Count}";
        IReadOnlyList<(string Name, ZpType Type)> inner = [.. scope, (variable, element)];
        var source = Expression(ZpType.ListOf(element), depth, scope);
        var body = Expression(result, depth, inner);
        return Gen.Select(source, body, (s, b) => where ? $"{name}({variable} in {s} where {b})" : $"{name}({variable} in {s} select {b})");
    }
}
