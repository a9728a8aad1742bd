using System.Text;
using CsCheck;

namespace ZonePolicy.Tests.Formatting;

/// <summary>
/// Random well-formed rule files: every declaration and clause, every expression form at random depth with
/// parentheses where precedence needs them (and sometimes where it does not), joined by random white space and
/// comments of every kind. The names need not resolve: formatting reads syntax only.
/// </summary>
internal static class ProgramGenerator
{
    private const int MaxDepth = 3;

    // Precedence levels, as the grammar nests them.
    private const int Or = 1, And = 2, Not = 3, Comparison = 4, Additive = 5, Multiplicative = 6, Negation = 7, Primary = 8;

    private static readonly string[] Names = ["a", "b", "x", "y_1", "zones", "max_gap"];
    private static readonly string[] Members = ["b", "zone", "category", "in", "count", "securityLevel"];
    private static readonly string[] Literals = ["42", "7.5", "0", "\"text\"", "\"esc \\\" \\\\ \\n \\t {x}\"", "@2026-02-28", "true", "false", "null", "today"];

    private static readonly (string[] Operator, int Level, int Left, int Right)[] Binary =
    [
        (["or"], Or, Or, And), (["and"], And, And, Not),
        (["=="], Comparison, Additive, Additive), (["!="], Comparison, Additive, Additive), (["<"], Comparison, Additive, Additive),
        ([">="], Comparison, Additive, Additive), (["in"], Comparison, Additive, Additive), (["not", "in"], Comparison, Additive, Additive),
        (["contains"], Comparison, Additive, Additive), (["matches"], Comparison, Additive, Additive),
        (["+"], Additive, Additive, Multiplicative), (["-"], Additive, Additive, Multiplicative),
        (["*"], Multiplicative, Multiplicative, Negation), (["/"], Multiplicative, Multiplicative, Negation), (["%"], Multiplicative, Multiplicative, Negation),
    ];

    private static readonly string[] Templates =
    [
        "\"{a} is wrong\"", "\"no holes at all\"", "\"{a.b} and {{braces}} and {f(a, \\\"s\\\")}\"", "\"{a.props[\\\"team\\\"]}: {count(a.b)}\"",
    ];

    private static readonly string[] Trivia =
    [
        " ", " ", " ", " ", "  ", "\t", "\n", "\n    ", "\n\n", "\n\n\n", " /* c */ ", "/* c */", " // c\n", "\n// own line\n",
        "\n/* own\n   lines */\n", " /**/ ", " // c */ x\n", "\n  // indented\n\n",
    ];

    private static readonly Gen<Piece>[] ExpressionsUpTo = BuildExpressions();

    private static Gen<Piece> Expression => ExpressionsUpTo[MaxDepth];

    /// <summary>A whole rule file as text.</summary>
    public static readonly Gen<string> Program =
        Gen.Select(Pack, Import.Array[0, 2], Param.Array[0, 3], Let.Array[0, 3], Rule.Array[1, 3])
            .Select((pack, imports, parameters, lets, rules) => (IReadOnlyList<string>)[
                .. pack, .. imports.SelectMany(t => t), .. parameters.SelectMany(t => t), .. lets.SelectMany(t => t),
                .. rules.SelectMany((r, i) => Renumbered(r, i))])
            .SelectMany(tokens => Gen.OneOfConst(Trivia).Array[tokens.Count + 1].Select(trivia => Join(tokens, trivia)));

    private static Gen<string[]> Pack => Gen.Frequency(
        (1, Gen.Const(Array.Empty<string>())),
        (1, Gen.OneOfConst<string[]>(["pack", "demo"], ["pack", "demo", ".", "rules", "version", "\"1.0.0\""], ["pack", "a", ".", "b", ".", "c", "title", "\"T\""])));

    private static Gen<string[]> Import => Gen.OneOfConst<string[]>(["import", "\"common.zpol\""], ["import", "\"sub/x.zpol\""]);

    private static Gen<string[]> Param =>
        Gen.Select(Gen.OneOfConst(Names), Gen.OneOfConst<string[]>(["1"], ["-", "2.5"], ["\"s\""], ["@2027-01-01"], ["true"], ["[", "]"],
                ["[", "\"rdp\"", ",", "\"ssh\"", ",", "\"vnc\"", "]"], ["[", "1", ",", "-", "2", "]"]))
            .Select((name, value) => (string[])["param", name, "=", .. value]);

    private static Gen<string[]> Let =>
        Gen.Select(Gen.OneOfConst(Names), Gen.Int[0, 3], Expression)
            .Select((name, arity, body) => arity == 0
                ? (string[])["let", name, "=", .. body.Tokens]
                : ["let", name, "(", .. Commas(Names.Take(arity)), ")", "=", .. body.Tokens]);

    private static Gen<string[]> Rule =>
        Gen.Select(Header, For.Array[1, 3], LetClause.Array[0, 2], Condition, Trailer)
            .Select((header, fors, lets, condition, trailer) => (string[])[
                "rule", "R-0", "\"title\"", "{", .. header, .. fors.SelectMany(f => f), .. lets.SelectMany(l => l), .. condition, .. trailer, "}"]);

    private static Gen<string[]> Header =>
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Int[0, 3], Gen.Bool)
            .Select((severity, category, refs, help) => (string[])[
                .. severity ? ["severity", "error"] : Array.Empty<string>(),
                .. category ? ["category", "\"zoning\""] : Array.Empty<string>(),
                .. refs == 0 ? [] : (string[])["refs", .. Commas(Enumerable.Range(1, refs).Select(i => $"\"ref {i}\""))],
                .. help ? ["help", "\"docs/R.md\""] : Array.Empty<string>()]);

    private static Gen<string[]> For =>
        Gen.Select(Gen.OneOfConst("asset", "zone", "flow"), Gen.OneOfConst(Names), Optional(Expression), Optional(Expression))
            .Select((kind, variable, source, where) => (string[])[
                "for", kind, variable, .. source is null ? [] : (string[])["in", .. source.Tokens], .. where is null ? [] : (string[])["where", .. where.Tokens]]);

    private static Gen<string[]> LetClause =>
        Gen.Select(Gen.OneOfConst(Names), Expression).Select((name, value) => (string[])["let", name, "=", .. value.Tokens]);

    private static Gen<string[]> Condition =>
        Gen.Select(Gen.OneOfConst("require", "forbid"), Expression).Select((keyword, condition) => (string[])[keyword, .. condition.Tokens]);

    private static Gen<string[]> Trailer =>
        Gen.Select(Optional(Expression), Gen.Frequency((1, Gen.Const((string?)null)), (2, Gen.OneOfConst(Templates).Select(t => (string?)t))))
            .Select((at, message) => (string[])[.. at is null ? [] : (string[])["at", .. at.Tokens], .. message is null ? [] : (string[])["message", message]]);


    private static Gen<Piece>[] BuildExpressions()
    {
        var atom = Gen.Frequency(
            (3, Gen.OneOfConst(Names).Select(n => new Piece([n], Primary))),
            (2, Gen.OneOfConst(Literals).Select(l => new Piece([l], Primary))));
        var levels = new Gen<Piece>[MaxDepth + 1];
        levels[0] = atom;
        for (var depth = 1; depth <= MaxDepth; depth++)
        {
            var inner = levels[depth - 1];
            levels[depth] = Gen.Frequency(
                (4, atom),
                (2, Gen.Select(inner, Gen.OneOfConst(Members)).Select((target, member) => new Piece([.. Wrap(target, Primary), ".", member], Primary))),
                (1, Gen.Select(inner, inner).Select((target, index) => new Piece([.. Wrap(target, Primary), "[", .. index.Tokens, "]"], Primary))),
                (1, Gen.Select(Gen.OneOfConst("has", "f", "days"), inner.Array[0, 3]).Select((name, args) => new Piece([name, "(", .. Separated(args), ")"], Primary))),
                (1, inner.Array[0, 3].Select(items => new Piece(["[", .. Separated(items), "]"], Primary))),
                (1, inner.Select(e => new Piece(["(", .. e.Tokens, ")"], Primary))),
                (6, Gen.Select(Gen.Int[0, Binary.Length - 1], inner, inner, Gen.Bool)
                    .Select((op, left, right, parenthesize) => Parenthesized(new Piece(
                        [.. Wrap(left, Binary[op].Left), .. Binary[op].Operator, .. Wrap(right, Binary[op].Right)], Binary[op].Level), parenthesize))),
                (1, inner.Select(e => new Piece(["not", .. Wrap(e, Not)], Not))),
                (1, inner.Select(e => new Piece(["-", .. Wrap(e, Negation)], Negation))),
                (1, Gen.Select(Gen.OneOfConst("any", "all", "none", "count", "sum", "min", "max"), inner, Optional(inner), Optional(inner))
                    .Select((keyword, source, where, select) => new Piece([keyword, "(", "v", "in", .. source.Tokens,
                        .. where is null ? [] : (string[])["where", .. where.Tokens], .. select is null ? [] : (string[])["select", .. select.Tokens], ")"], Primary))),
                (1, inner.Select(source => new Piece(["count", "(", .. source.Tokens, ")"], Primary))),
                (1, Gen.Select(Gen.OneOfConst("path", "reachable"), inner, inner, Optional(inner))
                    .Select((keyword, from, to, avoid) => new Piece([keyword, "(", .. from.Tokens, ",", .. to.Tokens,
                        .. avoid is null ? [] : (string[])[",", "avoid", "d", "where", .. avoid.Tokens], ")"], Primary))));
        }

        return levels;
    }

    private static Gen<Piece?> Optional(Gen<Piece> gen) => Gen.Frequency((1, Gen.Const((Piece?)null)), (1, gen.Select(p => (Piece?)p)));

    /// <summary>The operand in parentheses when its precedence is below what its place needs.</summary>
    private static string[] Wrap(Piece piece, int least) => piece.Level >= least ? piece.Tokens : ["(", .. piece.Tokens, ")"];

    private static Piece Parenthesized(Piece piece, bool parenthesize) => parenthesize ? new Piece(["(", .. piece.Tokens, ")"], Primary) : piece;

    private static IEnumerable<string> Separated(Piece[] items) => items.SelectMany((item, i) => i == 0 ? item.Tokens : [",", .. item.Tokens]);

    private static IEnumerable<string> Commas(IEnumerable<string> items) => items.SelectMany((item, i) => i == 0 ? [item] : new[] { ",", item });

    private static IEnumerable<string> Renumbered(string[] rule, int index) => rule.Select(t => t == "R-0" ? $"R-{index}" : t);

    private static string Join(IReadOnlyList<string> tokens, string[] trivia)
    {
        var text = new StringBuilder(trivia[0].TrimStart(' ', '\t'));
        for (var i = 0; i < tokens.Count; i++)
        {
            // `/` right before a comment would read as `//` or `/*`.
            var glued = tokens[i] == "/" && trivia[i + 1].StartsWith('/');
            text.Append(tokens[i]).Append(glued ? " " : "").Append(trivia[i + 1]);
        }
        return text.ToString();
    }

    /// <summary>Tokens of an expression and the precedence level of its outermost operator.</summary>
    private sealed record Piece(string[] Tokens, int Level);
}
