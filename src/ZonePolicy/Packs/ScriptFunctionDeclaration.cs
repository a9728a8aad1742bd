using ZonePolicy.Diagnostics;
using ZonePolicy.Types;

namespace ZonePolicy.Packs;

/// <summary>
/// A function a pack implements in C# (<see cref="Script"/>, a <c>.csx</c> file) and declares in its manifest,
/// so that rules are type-checked against the signature without compiling any C#.
/// </summary>
internal sealed record ScriptFunctionDeclaration(
    string Name,
    IReadOnlyList<ScriptParameter> Parameters,
    ScriptValueType Returns,
    string Script,
    TimeSpan Budget,
    SourceLocation Location,
    SourceLocation ScriptLocation)
{
    /// <summary>A call's time budget when the manifest gives none.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan MaxBudget = TimeSpan.FromSeconds(10);

    public string Signature => $"{Name}({string.Join(", ", Parameters.Select(p => $"{p.Name}: {p.Type}"))}): {Returns}";
}

internal sealed record ScriptParameter(string Name, ScriptValueType Type);

/// <summary>
/// A type a C# function takes or returns: one of the language's types, and whether null passes through.
/// A call with null for a parameter that does not take null yields null without running the function.
/// </summary>
internal sealed record ScriptValueType(ZpType Type, bool Nullable)
{
    private static readonly Dictionary<string, ZpType> Scalars = new(StringComparer.Ordinal)
    {
        ["bool"] = ZpType.Bool,
        ["int"] = ZpType.Int,
        ["decimal"] = ZpType.Decimal,
        ["string"] = ZpType.String,
        ["date"] = ZpType.Date,
    };

    public static IEnumerable<string> ScalarNames => Scalars.Keys;

    /// <summary>Reads <c>string</c>, <c>decimal?</c>, <c>list&lt;int&gt;</c> and the like; null for anything else.</summary>
    public static ScriptValueType? Parse(string text)
    {
        var nullable = text.EndsWith('?');
        var core = nullable ? text[..^1] : text;
        if (Scalars.TryGetValue(core, out var scalar))
        {
            return new ScriptValueType(scalar, nullable);
        }

        if (core.StartsWith("list<", StringComparison.Ordinal) && core.EndsWith('>') && Scalars.TryGetValue(core[5..^1], out var element))
        {
            return new ScriptValueType(ZpType.ListOf(element), nullable);
        }

        return null;
    }

    public override string ToString() => Type.Name + (Nullable ? "?" : "");
}
