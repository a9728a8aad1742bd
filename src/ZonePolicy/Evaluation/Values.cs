using System.Globalization;
using System.Text;
using ZonePolicy.Topology;

namespace ZonePolicy.Evaluation;

/// <summary>A span of whole days: <c>days(30)</c>, or the difference of two dates.</summary>
internal readonly record struct Duration(long Days) : IComparable<Duration>
{
    public int CompareTo(Duration other) => Days.CompareTo(other.Days);

    public override string ToString() => Days == 1 || Days == -1 ? $"{Days} day" : $"{Days} days";
}

/// <summary>
/// A shortest path between two assets, on the declared flows (the flow behind each hop) or on permitted
/// connectivity (the permission behind each hop).
/// </summary>
internal sealed class PathValue
{
    private PathValue(IReadOnlyList<Entity> assets, IReadOnlyList<Entity> hopFlows, IReadOnlyList<PermittedHop> hops, bool isPermitted)
    {
        Assets = assets;
        HopFlows = hopFlows;
        Hops = hops;
        IsPermitted = isPermitted;
    }

    public IReadOnlyList<Entity> Assets { get; }

    /// <summary>The flow that carries each hop of a declared path; a flow with <c>via</c> devices carries several hops.</summary>
    public IReadOnlyList<Entity> HopFlows { get; }

    /// <summary>What permits each hop of a permitted path.</summary>
    public IReadOnlyList<PermittedHop> Hops { get; }

    /// <summary>True for a path over permitted connectivity, false for one over the declared flows.</summary>
    public bool IsPermitted { get; }

    public long Length => Assets.Count - 1;

    /// <summary>The distinct flows along a declared path, in order; none for a permitted path.</summary>
    public IReadOnlyList<Entity> Flows => HopFlows.Distinct().ToArray();

    /// <summary>The distinct conduits the path crosses, in order: those its flows name, or those whose permissions it uses.</summary>
    public IReadOnlyList<Entity> Conduits => (IsPermitted
            ? Hops.Select(h => h.Permission.Conduit)
            : HopFlows.Select(f => f["conduit"] as Entity))
        .OfType<Entity>().Distinct().ToArray();

    public static PathValue OfFlows(IReadOnlyList<Entity> assets, IReadOnlyList<Entity> hopFlows) => new(assets, hopFlows, [], isPermitted: false);

    public static PathValue OfPermissions(Entity start, IReadOnlyList<PermittedHop> hops) =>
        new([start, .. hops.Select(h => h.To)], [], hops, isPermitted: true);

    /// <summary>
    /// <c>a -> b -> c</c> for a declared path; a permitted path names what each hop is permitted by,
    /// <c>a -[conduit]-> b -[zone]-> c</c>.
    /// </summary>
    public override string ToString()
    {
        if (!IsPermitted)
        {
            return string.Join(" -> ", Assets.Select(a => a.Id));
        }

        var text = new StringBuilder(Assets[0].Id);
        foreach (var hop in Hops)
        {
            text.Append(" -[").Append(hop.Permission.Place.Id).Append("]-> ").Append(hop.To.Id);
        }

        return text.ToString();
    }
}

/// <summary>Boxed booleans, allocated once.</summary>
internal static class Truth
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Of(bool value) => value ? True : False;
}

/// <summary>Renders values in messages (LANGUAGE.md §7); never throws.</summary>
internal static class ValueRenderer
{
    public static string Render(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Entity entity => entity.Id,
        PathValue path => path.ToString(),
        RecordValue record => RenderRecord(record),
        IReadOnlyDictionary<string, object?> props => "{" + string.Join(", ", props.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {Render(p.Value)}")) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Render)) + "]",
        _ => value.ToString() ?? "null",
    };

    private static string RenderRecord(RecordValue record)
    {
        var text = new StringBuilder("{");
        var first = true;
        foreach (var attribute in record.Shape.Attributes)
        {
            var value = record[attribute.Slot];
            if (value is null)
            {
                continue;
            }

            text.Append(first ? "" : ", ").Append(attribute.Name).Append(": ").Append(Render(value));
            first = false;
        }

        return text.Append('}').ToString();
    }
}
