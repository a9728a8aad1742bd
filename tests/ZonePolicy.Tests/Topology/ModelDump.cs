using System.Globalization;
using System.Text;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Tests.Topology;

/// <summary>
/// Writes every entity of a loaded model with every attribute that has a value, and the waivers, as text: what
/// a rule can read, with the .NET type of each value (a long prints as <c>3</c>, a decimal as <c>3.0m</c>).
/// </summary>
internal static class ModelDump
{
    public static void Write(SiteModel model, StringBuilder output)
    {
        output.Append("# ").Append(model.File).Append('\n');
        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            foreach (var entity in model.OfKind(kind))
            {
                output.Append(CultureInfo.InvariantCulture, $"{entity.Kind.Keyword()} {entity.Id} ({entity.Location.Line},{entity.Location.Column})\n");
                foreach (var attribute in entity.Shape.Attributes)
                {
                    if (entity[attribute.Slot] is { } value)
                    {
                        output.Append("  ").Append(attribute.Name).Append(" = ").Append(Render(value)).Append('\n');
                    }
                }
            }
        }

        foreach (var waiver in model.Waivers)
        {
            output.Append(CultureInfo.InvariantCulture,
                $"waiver {waiver.Id ?? "(no id)"} ({waiver.Location.Line},{waiver.Location.Column}) rule {waiver.Rule} targets [{string.Join(", ", waiver.Targets)}] approved by {waiver.ApprovedBy} until {waiver.Expires:yyyy-MM-dd}: {waiver.Reason}\n");
        }
    }

    private static string Render(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        long integer => integer.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture) + "m",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Entity entity => "@" + entity.Id,
        RecordValue record => RenderRecord(record),
        IReadOnlyDictionary<string, object?> props => "{" + string.Join(", ", props.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {Render(p.Value)}")) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Render)) + "]",
        _ => $"<{value.GetType().Name}>",
    };

    private static string RenderRecord(RecordValue record) =>
        $"({record.Location.Line},{record.Location.Column}) {{" + string.Join(", ", record.Shape.Attributes
            .Where(attribute => record[attribute.Slot] is not null)
            .Select(attribute => $"{attribute.Name}: {Render(record[attribute.Slot])}")) + "}";
}
