using System.Text.Json;
using ZonePolicy.Binding;
using ZonePolicy.Types;
using ZonePolicy.Topology;

namespace ZonePolicy.Cli.LanguageServer;

/// <summary>A built-in function as the language guide documents it.</summary>
internal sealed record BuiltinFunction(string Name, string Signature, ZpType Returns, string Documentation);

/// <summary>
/// What the editor shows about the language: the built-in functions, the keywords, and the meaning of each
/// topology attribute, taken from the descriptions of the shipped topology schema (the topology reference's
/// machine-readable form) and, for the attributes computed for rules, from the topology reference.
/// </summary>
internal static class LanguageReference
{
    public static IReadOnlyList<BuiltinFunction> Builtins { get; } =
    [
        new("len", "len(s: string | list<T>) -> int", ZpType.Int, "The length of a string, or the number of elements of a list."),
        new("lower", "lower(s: string) -> string", ZpType.String, "The string in lower case (invariant culture)."),
        new("upper", "upper(s: string) -> string", ZpType.String, "The string in upper case (invariant culture)."),
        new("startsWith", "startsWith(s: string, prefix: string) -> bool", ZpType.Bool, "Whether `s` starts with `prefix` (ordinal)."),
        new("endsWith", "endsWith(s: string, suffix: string) -> bool", ZpType.Bool, "Whether `s` ends with `suffix` (ordinal)."),
        new("has", "has(x: any) -> bool", ZpType.Bool, "`x != null`: whether the value is known. Never `null`."),
        new("days", "days(n: int | decimal) -> duration", ZpType.Duration, "A duration of `n` days, to add to or compare with dates."),
        new("level", "level(s: string) -> int", ZpType.Int, "The rank of a level: `low` 1, `medium` 2, `high` 3, `critical` 4; `null` for anything else."),
    ];

    /// <summary>Comprehensions and graph queries: keywords that read like calls.</summary>
    public static IReadOnlyList<BuiltinFunction> Forms { get; } =
    [
        new("any", "any(x in xs [where p]) -> bool", ZpType.Bool, "`true` if some element satisfies `p` (without `where`: if the list is not empty); otherwise `null` when one is unknown."),
        new("all", "all(x in xs where p) -> bool", ZpType.Bool, "`true` if every element satisfies `p` (`true` on an empty list); `false` when one fails, otherwise `null` when one is unknown."),
        new("none", "none(x in xs where p) -> bool", ZpType.Bool, "`true` if no element satisfies `p`."),
        new("count", "count(x in xs [where p]) -> int", ZpType.Int, "The number of (matching) elements; `count(xs)` counts a list."),
        new("sum", "sum(x in xs [where p] select e)", ZpType.Decimal, "The sum of `e` over the (matching) elements; `0` on an empty list."),
        new("min", "min(x in xs [where p] select e)", ZpType.Decimal, "The smallest `e`; `null` on an empty list."),
        new("max", "max(x in xs [where p] select e)", ZpType.Decimal, "The largest `e`; `null` on an empty list."),
        new("path", "path(from, to [, avoid x where p]) -> path", ZpType.Path, "The shortest path of flows from an asset or zone to another, avoiding the assets matching `p` as intermediate hops; `null` when there is none."),
        new("reachable", "reachable(from, to [, avoid x where p]) -> bool", ZpType.Bool, "`path(...) != null`."),
    ];

    public static IReadOnlyList<string> DeclarationKeywords { get; } = ["pack", "import", "param", "let", "rule"];

    public static IReadOnlyList<string> ClauseKeywords { get; } = ["severity", "category", "refs", "help", "for", "let", "require", "forbid", "at", "message"];

    public static IReadOnlyList<string> ExpressionKeywords { get; } = ["and", "or", "not", "in", "contains", "matches", "where", "select", "avoid", "true", "false", "null", "today"];

    public static IReadOnlyList<string> Severities { get; } = ["error", "warning", "info"];

    private static readonly Dictionary<string, string> Computed = new(StringComparer.Ordinal)
    {
        ["zone.assets"] = "Computed: the assets in the zone.",
        ["zone.conduits"] = "Computed: the conduits that connect the zone.",
        ["zone.flowsIn"] = "Computed: the flows into the zone whose other end is in a different zone.",
        ["zone.flowsOut"] = "Computed: the flows out of the zone whose other end is in a different zone.",
        ["asset.flowsIn"] = "Computed: the flows that end at the asset.",
        ["asset.flowsOut"] = "Computed: the flows that start at the asset.",
        ["asset.flows"] = "Computed: every flow that starts or ends at the asset.",
        ["conduit.flows"] = "Computed: the flows that name this conduit.",
        ["flow.crossesZones"] = "Computed: true when `from` and `to` are in different zones.",
        ["data.storedOn"] = "Computed: the assets that store the data item.",
        ["data.flows"] = "Computed: the flows that transfer the data item.",
        ["operation.zones"] = "Computed: the zones that perform the operation.",
        ["party.assets"] = "Computed: the assets the party supplies or maintains.",
        ["path.length"] = "The number of hops of the path.",
        ["path.assets"] = "The assets along the path, end points included.",
        ["path.flows"] = "The flows the path uses.",
    };

    private static readonly Lazy<JsonElement> Schema = new(() => JsonDocument.Parse(TopologyJsonSchema.Instance.Text).RootElement);

    public static BuiltinFunction? Builtin(string name) => Builtins.FirstOrDefault(b => b.Name == name);

    public static BuiltinFunction? Form(string name) => Forms.FirstOrDefault(b => b.Name == name);

    /// <summary>The meaning of an attribute of an entity kind or nested object, or the empty string.</summary>
    public static string Describe(string owner, string attribute)
    {
        if (Computed.TryGetValue($"{owner}.{attribute}", out var computed))
        {
            return computed;
        }

        var definitions = Schema.Value.GetProperty("$defs");
        if (definitions.TryGetProperty(owner, out var definition)
            && definition.TryGetProperty("properties", out var properties)
            && properties.TryGetProperty(attribute, out var property))
        {
            if (property.TryGetProperty("description", out var description))
            {
                return description.GetString() ?? "";
            }

            if (property.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target
                && definitions.TryGetProperty(target[(target.LastIndexOf('/') + 1)..], out var shared)
                && shared.TryGetProperty("description", out var sharedDescription))
            {
                return sharedDescription.GetString() ?? "";
            }
        }

        return "";
    }

    /// <summary>What an entity kind is, from the topology schema.</summary>
    public static string KindDescription(string kind) =>
        Schema.Value.GetProperty("$defs").TryGetProperty(kind, out var definition) && definition.TryGetProperty("description", out var description)
            ? description.GetString() ?? ""
            : "";

    /// <summary>Markdown for an attribute: its name, type and meaning.</summary>
    public static string AttributeMarkdown(string owner, string attribute, ZpType type)
    {
        var meaning = Describe(owner, attribute);
        return $"```zpol\n({owner}) {attribute}: {type}\n```" + (meaning.Length > 0 ? $"\n\n{meaning}" : "");
    }
}
