using System.Collections;
using System.Text;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;

namespace ZonePolicy.Explaining;

/// <summary>
/// Values as an explanation shows them: like a message renders them, but with strings quoted (so <c>"10"</c>
/// and <c>10</c> differ) and long lists cut short.
/// </summary>
internal static class ExplainValues
{
    public const int ShownItems = 10;

    public static string Render(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        Entity entity => entity.Id,
        IReadOnlyDictionary<string, object?> props => "{" + string.Join(", ", props.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {Render(p.Value)}")) + "}",
        PathValue or RecordValue => ValueRenderer.Render(value),
        IEnumerable list => RenderList(list.Cast<object?>()),
        _ => ValueRenderer.Render(value),
    };

    private static string RenderList(IEnumerable<object?> items)
    {
        var text = new StringBuilder("[");
        var count = 0;
        foreach (var item in items)
        {
            if (count < ShownItems)
                text.Append(count == 0 ? "" : ", ").Append(Render(item));
            count++;
        }

        if (count > ShownItems)
            text.Append($", … {count - ShownItems} more");
        return text.Append(']').ToString();
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";
}
