using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Findings;

/// <summary>How a violation becomes a finding, and what the settings decide about each finding after the waivers.</summary>
internal static class ViolationFindings
{
    /// <summary>The diagnostic a violation is reported as: at its <c>at</c> entity, with its bindings and its witness path.</summary>
    public static Diagnostic ToDiagnostic(Violation violation) =>
        new(violation.Rule.Id, violation.Rule.Info.DefaultSeverity, violation.Message, violation.At.Location)
        {
            Rule = violation.Rule.Info,
            Entities = IdsOf(violation.Bindings),
            Witness = violation.Witness is { } path ? WitnessStep.Of(path) : [],
        };

    private static string[] IdsOf(IReadOnlyList<Entity> entities)
    {
        var ids = new string[entities.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = entities[i].Id;
        }

        return ids;
    }

    /// <summary>
    /// A finding as the settings leave it: at its severity in force (null when that is <c>none</c>), and kept quiet
    /// (<see cref="Diagnostic.Baselined"/>) when the baseline accepts it, or accepts the report of any rule that shares it.
    /// </summary>
    public static Diagnostic? Settle(Diagnostic finding, SeverityPolicy severities, Baseline? baseline)
    {
        var adjusted = SharedFindings.Adjust(finding, severities.Applier);
        return adjusted is not null && baseline is not null && adjusted.Rule is not null && adjusted.PerRule.Any(baseline.Contains)
            ? adjusted with { Baselined = true }
            : adjusted;
    }
}
