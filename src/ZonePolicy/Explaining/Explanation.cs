using ZonePolicy.Binding;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;

namespace ZonePolicy.Explaining;

/// <summary>Everything an explanation shows: the rule, the recorded evaluation, and what became of each violation.</summary>
internal sealed record Explanation(
    BoundRule Rule,
    string Site,
    DateOnly Today,
    IReadOnlyList<IReadOnlyList<string>> Entities,
    TraceRecorder Trace,
    IReadOnlyDictionary<Violation, ViolationOutcome> Outcomes,
    IReadOnlyList<Diagnostic> InForce,
    IReadOnlyList<Diagnostic> Suppressed,
    bool BaselineGiven,
    SourceTexts Sources);

/// <summary>What became of one violation after the evaluation: its waiver, its severity, the baseline.</summary>
internal sealed record ViolationOutcome(
    Diagnostic Reported,
    Waiver? Waiver,
    IReadOnlyList<Waiver> ExpiredWaivers,
    int WaiverDaysLeft,
    Severity? Overridden,
    string? OverriddenBy,
    bool Promoted,
    bool Baselined,
    Diagnostic? Final)
{
    public Severity RuleSeverity => Reported.Severity;
}
