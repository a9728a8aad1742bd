using ZonePolicy.Diagnostics;

namespace ZonePolicy.Evaluation;

/// <summary>
/// One finding that the rules of several packs report: rules declared the same with <c>sameAs</c> that are
/// violated by the same entities give one diagnostic, shown under the most severe rule (the lowest id among
/// equals) and carrying every rule's own diagnostic in <see cref="Diagnostic.SharedBy"/>. A waiver for any
/// of the rules waives the finding; a severity override applies to each rule, and a rule set to <c>none</c>
/// leaves the finding to the others.
/// </summary>
internal static class SharedFindings
{
    /// <summary>
    /// The violations of one site with those of equivalent rules on the same entities merged, in their first order.
    /// Only a rule with equivalents costs a key: a check without <c>sameAs</c> passes each violation through as it is.
    /// </summary>
    public static List<(IReadOnlyList<Violation> Violations, Diagnostic Diagnostic)> Merge(IReadOnlyList<(Violation Violation, Diagnostic Diagnostic)> found)
    {
        var merged = new List<(IReadOnlyList<Violation>, Diagnostic)>(found.Count);
        var groups = new Dictionary<string, (int Position, List<Violation> Violations, List<Diagnostic> Diagnostics)>(StringComparer.Ordinal);
        foreach (var (violation, diagnostic) in found)
        {
            var info = violation.Rule.Info;
            if (info.Equivalents.Count == 0)
            {
                merged.Add(([violation], diagnostic));
                continue;
            }

            var family = info.Equivalents.Append(info.Id).Min(StringComparer.Ordinal)!;
            var key = family + "\u001e" + string.Join('\u001f', violation.Bindings.Select(b => b.Id));
            if (groups.TryGetValue(key, out var group))
            {
                group.Violations.Add(violation);
                group.Diagnostics.Add(diagnostic);
                continue;
            }

            groups.Add(key, (merged.Count, [violation], [diagnostic]));
            merged.Add(default);
        }

        foreach (var (position, violations, diagnostics) in groups.Values)
        {
            merged[position] = (violations, Combine(diagnostics));
        }

        return merged;
    }

    /// <summary>A finding after each rule's own adjustment (its severity in force, or null for <c>none</c>); null when no rule keeps it.</summary>
    public static Diagnostic? Adjust(Diagnostic finding, Func<Diagnostic, Diagnostic?> adjust)
    {
        if (finding.SharedBy.Count == 0)
        {
            return adjust(finding);
        }

        var kept = finding.SharedBy.Select(adjust).OfType<Diagnostic>().ToList();
        return kept.Count == 0 ? null : Combine(kept) with { Waiver = finding.Waiver, Baselined = finding.Baselined };
    }

    /// <summary>One rule's diagnostic as it is, or the shared finding of several, shown under the most severe.</summary>
    private static Diagnostic Combine(IReadOnlyList<Diagnostic> perRule)
    {
        if (perRule.Count == 1)
        {
            return perRule[0];
        }

        var ordered = perRule.OrderByDescending(d => d.Severity).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        var shown = ordered[0];
        var others = string.Join(", ", ordered.Skip(1).Select(d => d.Id));
        return shown with { Message = $"{shown.Message} (also {others})", SharedBy = ordered };
    }
}
