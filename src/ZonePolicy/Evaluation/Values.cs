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

/// <summary>A shortest path between two assets: the assets in order, and the flow behind each hop.</summary>
internal sealed class PathValue(IReadOnlyList<Entity> assets, IReadOnlyList<Entity> hopFlows)
{
    public IReadOnlyList<Entity> Assets { get; } = assets;

    /// <summary>The flow that carries each hop; a flow with <c>via</c> devices carries several hops.</summary>
    public IReadOnlyList<Entity> HopFlows { get; } = hopFlows;

    public long Length => HopFlows.Count;

    /// <summary>The distinct flows along the path, in order.</summary>
    public IReadOnlyList<Entity> Flows => HopFlows.Distinct().ToArray();

    public override string ToString() => string.Join(" -> ", Assets.Select(a => a.Id));
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
