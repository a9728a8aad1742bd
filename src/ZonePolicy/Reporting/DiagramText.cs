using System.Globalization;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting;

/// <summary>The captions every drawing of a site uses, so the HTML, Graphviz and Mermaid pictures say the same.</summary>
internal static class DiagramText
{
    /// <summary><c>control · level 1 · SL-T 3</c>: what is known of the zone's kind, Purdue level and target security level.</summary>
    public static string ZoneFacts(ZoneSummary zone) => string.Join(" · ", new[]
    {
        zone.Kind,
        zone.PurdueLevel is { } level ? $"level {level.ToString(CultureInfo.InvariantCulture)}" : null,
        zone.SecurityLevel is { } sl ? $"SL-T {sl}" : null,
    }.OfType<string>());

    /// <summary><c>c-ot-dmz: fw-1, fw-2 · SL 3</c> for a conduit; <c>2 flows, no conduit</c> for a pair joined only by flows.</summary>
    public static string LinkCaption(ZoneLink link)
    {
        if (link.Conduit is not { } conduit)
        {
            return link.UncoveredFlows == 1 ? "1 flow, no conduit" : $"{link.UncoveredFlows} flows, no conduit";
        }

        var parts = new List<string> { conduit.Boundary.Count == 0 ? "no boundary device" : string.Join(", ", conduit.Boundary) };
        if (conduit.SecurityLevel is { } sl)
        {
            parts.Add($"SL {sl}");
        }

        return $"{conduit.Id}: {string.Join(" · ", parts)}";
    }

    public static string SeverityName(Severity severity) => severity == Severity.None ? "clean" : severity.Name();

    /// <summary>Fill and stroke colours by worst finding: the same in every picture.</summary>
    public static (string Fill, string Stroke) Colours(Severity worst) => worst switch
    {
        Severity.Error => ("#fde2e1", "#b42318"),
        Severity.Warning => ("#fef0c7", "#b54708"),
        Severity.Info => ("#e0eaff", "#3538cd"),
        _ => ("#ecfdf3", "#067647"),
    };
}
