using System.Globalization;

namespace ZonePolicy.Topology;

/// <summary>What a selector names: one entity by id, or a set of assets by a property.</summary>
internal enum SelectorKind
{
    /// <summary>A zone (its assets) or an asset, by id.</summary>
    Id,

    /// <summary><c>type:plc</c>: the assets of a type.</summary>
    Type,

    /// <summary><c>kind:external</c>: the assets of the zones of a kind.</summary>
    ZoneKind,

    /// <summary><c>sl:4</c>: the assets of the zones with a target security level.</summary>
    SecurityLevel,

    /// <summary><c>entry</c> or <c>entry:wireless</c>: the assets that are entry points (of a kind).</summary>
    EntryPoint,
}

/// <summary>
/// A set of assets named in an allow rule (a zone or asset id, <c>type:&lt;asset type&gt;</c>) or on the
/// command line, which also takes <c>kind:</c>, <c>sl:</c> and <c>entry</c>. A known prefix decides the kind;
/// <c>id:</c> names an id that itself starts with one.
/// </summary>
internal sealed record Selector(SelectorKind Kind, string Value, string Text)
{
    public const string EntryWord = "entry";

    private static readonly (string Prefix, SelectorKind Kind)[] Prefixes =
    [
        ("id:", SelectorKind.Id),
        ("type:", SelectorKind.Type),
        ("kind:", SelectorKind.ZoneKind),
        ("sl:", SelectorKind.SecurityLevel),
        ("entry:", SelectorKind.EntryPoint),
    ];

    /// <summary>The forms a selector takes, as messages list them.</summary>
    public const string Forms = "a zone id, an asset id, `type:<asset type>`, `kind:<zone kind>`, `sl:<1-4>`, `entry` or `entry:<kind>`";

    /// <summary>The forms an allow rule accepts.</summary>
    public const string AllowRuleForms = "a zone id, an asset id or `type:<asset type>`";

    /// <summary>True when the selector names one entity or a type: the forms an allow rule may use.</summary>
    public bool FitsAllowRule => Kind is SelectorKind.Id or SelectorKind.Type;

    /// <summary>The selector, or null with a reason when the text is not one.</summary>
    public static Selector? Parse(string text, out string? problem)
    {
        problem = null;
        if (text == EntryWord)
        {
            return new Selector(SelectorKind.EntryPoint, "", text);
        }

        foreach (var (prefix, kind) in Prefixes)
        {
            if (!text.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var value = text[prefix.Length..];
            if (value.Length == 0)
            {
                problem = $"`{MessageText.Show(text)}` names no {prefix.TrimEnd(':')}";
                return null;
            }

            if (kind == SelectorKind.SecurityLevel && !(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 4))
            {
                problem = $"`{MessageText.Show(text)}` needs a security level from 1 to 4";
                return null;
            }

            return new Selector(kind, value, text);
        }

        return new Selector(SelectorKind.Id, text, text);
    }

    public override string ToString() => Text;
}
