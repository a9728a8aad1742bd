using ZonePolicy.Diagnostics;

namespace ZonePolicy.Evaluation;

/// <summary>
/// Severity overrides by id, like <c>dotnet_diagnostic.ID.severity</c>. They apply to rule violations and to
/// the waiver and configuration warnings (ZP0301–ZP0303, ZP0314); diagnostics of invalid input cannot be
/// silenced. Then <c>--warnaserror</c> promotes what is left at warning.
/// </summary>
internal sealed class SeverityOverrides
{
    private static readonly HashSet<string> AdjustableEngineIds = new(StringComparer.Ordinal)
    {
        DiagnosticIds.WaiverExpired,
        DiagnosticIds.WaiverUnused,
        DiagnosticIds.WaiverExpiringSoon,
        DiagnosticIds.UnknownSeverityId,
        DiagnosticIds.PackFeedUnavailable,
        DiagnosticIds.ScriptFunctionThrew,
        DiagnosticIds.ScriptFunctionOverBudget,
    };

    private readonly Dictionary<string, Severity> byId;

    private SeverityOverrides(Dictionary<string, Severity> byId) => this.byId = byId;

    public static bool IsAdjustable(string id) => !DiagnosticDescriptors.IsEngineId(id) || AdjustableEngineIds.Contains(id);

    /// <summary>Collects the overrides (the last for an id wins) and warns about ids nothing reports.</summary>
    public static SeverityOverrides Create(
        IReadOnlyList<KeyValuePair<string, Severity>> configured,
        IReadOnlyList<KeyValuePair<string, Severity>> overrides,
        IReadOnlyList<RuleInfo> rules,
        SourceLocation settings,
        DiagnosticBag diagnostics)
    {
        var byId = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var (id, severity) in configured.Where(c => IsAdjustable(c.Key)))
        {
            byId[id] = severity;
        }

        var ruleIds = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, severity) in overrides)
        {
            if (DiagnosticDescriptors.IsEngineId(id) && !AdjustableEngineIds.Contains(id))
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidSeverityOverride, settings, id);
                continue;
            }

            if (!DiagnosticDescriptors.IsEngineId(id) && rules.Count > 0 && !ruleIds.Contains(id))
            {
                diagnostics.Add(DiagnosticDescriptors.UnknownSeverityId, settings, id, NameSuggestions.DidYouMean(id, ruleIds));
            }

            byId[id] = severity;
        }

        return new SeverityOverrides(byId);
    }

    /// <summary>The diagnostic at its severity in force, or null when it is set to <c>none</c>.</summary>
    public Diagnostic? Apply(Diagnostic diagnostic, bool warningsAsErrors)
    {
        var severity = byId.TryGetValue(diagnostic.Id, out var set) ? set : diagnostic.Severity;
        if (severity == Severity.None)
        {
            return null;
        }

        if (warningsAsErrors && severity == Severity.Warning)
        {
            severity = Severity.Error;
        }

        return severity == diagnostic.Severity ? diagnostic : diagnostic with { Severity = severity };
    }
}
