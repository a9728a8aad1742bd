using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;

namespace ZonePolicy.Findings;

/// <summary>
/// One rule's findings on one site, made on the thread that evaluates the rule as each violation is found: the
/// diagnostic it is reported as, in force or suppressed by the first waiver that matches it. A check of rules that
/// share no findings (<c>sameAs</c>) so keeps only what it reports, not every violation until all rules have run.
/// Taken in rule order, the findings are the ones <see cref="WaiverMatcher.Apply"/> gives for all the violations.
/// </summary>
internal sealed class RuleFindings(IReadOnlyList<Waiver> waivers, WaiverMatcher.WaiverIndex index) : IViolationSink
{
    /// <summary>The findings no waiver suppresses, in the order the rule found them.</summary>
    public List<Diagnostic> InForce { get; } = [];

    /// <summary>The findings a waiver suppresses, in the order the rule found them.</summary>
    public List<Diagnostic> Suppressed { get; } = [];

    /// <summary>How many findings each waiver suppressed, by position; null when none did.</summary>
    public int[]? Used { get; private set; }

    public void Add(Violation violation)
    {
        var diagnostic = ViolationFindings.ToDiagnostic(violation);
        var position = index.FirstMatch(violation);
        if (position < 0)
        {
            InForce.Add(diagnostic);
            return;
        }

        (Used ??= new int[waivers.Count])[position]++;
        Suppressed.Add(WaiverMatcher.Waived(diagnostic, waivers[position]));
    }
}
