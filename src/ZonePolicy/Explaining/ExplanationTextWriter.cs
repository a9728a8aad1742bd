using System.Globalization;
using ZonePolicy.Binding;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Findings;
using ZonePolicy.Types;

namespace ZonePolicy.Explaining;

/// <summary>
/// Writes an explanation as indented text: the rule, then each binding with the value of every sub-expression
/// of its clauses and what the condition means for it, then what became of each violation, then totals.
/// </summary>
internal sealed class ExplanationTextWriter
{
    public const int ShownFindings = 20;

    private readonly Explanation explanation;
    private readonly Narration narration;
    private readonly TextWriter writer;
    private readonly IReadOnlyList<BoundFor> fors;

    private ExplanationTextWriter(Explanation explanation, TextWriter writer)
    {
        this.explanation = explanation;
        this.writer = writer;
        narration = new Narration(explanation.Sources, explanation.Rule.IsForbid);
        fors = [.. explanation.Rule.Fors];
    }

    public static void Write(ExplainResult result, TextWriter writer)
    {
        if (result.Explanation is not { } explanation)
        {
            foreach (var diagnostic in result.Diagnostics)
                writer.Write(diagnostic.ToCanonicalString() + "\n");
            return;
        }

        new ExplanationTextWriter(explanation, writer).Write();
    }

    private void Write()
    {
        var rule = explanation.Rule;
        Line(0, $"rule {rule.Id} \"{rule.Info.Title}\" at {rule.Info.Location}, severity {rule.Info.DefaultSeverity.Name()}");
        foreach (var clause in Clauses())
            Line(1, clause);

        var asked = explanation.Entities.Count == 0 ? "" : $"; the bindings of {Asked}";
        Line(0, $"site {explanation.Site}, today {explanation.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{asked}");

        var root = explanation.Trace.Root;
        Steps(root, 0);
        foreach (var binding in root.Bindings)
            Binding(binding, 0);
        Omitted(root, 0);
        if (explanation.Entities.Count > 0 && root.Bindings.Count == 0)
            Line(0, $"no binding of this rule binds {Asked}");

        writer.Write("\n");
        Summary();
    }

    private IEnumerable<string> Clauses()
    {
        foreach (var step in explanation.Rule.Steps)
        {
            switch (step)
            {
                case BoundFor f:
                    var source = f.Source is null ? "" : $" in {narration.Text(f.Source)}";
                    var where = f.Where is null ? "" : $" where {narration.Text(f.Where)}";
                    yield return $"for {f.Kind.Keyword()} {f.Variable.Name}{source}{where}";
                    break;
                case BoundLet let:
                    yield return $"let {let.Variable.Name} = {narration.Text(let.Value)}";
                    break;
            }
        }

        yield return $"{Keyword} {narration.Text(explanation.Rule.Condition)}";
        if (explanation.Rule.At is { } at)
            yield return $"at {narration.Text(at)}";
    }

    private string Keyword => explanation.Rule.IsForbid ? "forbid" : "require";

    private string Asked => string.Join(" or ", explanation.Entities.Select(c => string.Join(", ", c)));

    private void Binding(BindingTrace binding, int depth)
    {
        writer.Write("\n");
        Line(depth, $"{binding.Step!.Variable.Name} = {binding.Entity!.Id} ({binding.Entity.Location})");
        Steps(binding, depth + 1);
        switch (binding.Outcome)
        {
            case BindingOutcome.SkippedFalse or BindingOutcome.SkippedNull:
                Line(depth + 1, Narration.Skipped(binding.Steps.FirstOrDefault(s => s.Role == TraceRole.Where)?.Trace.Value));
                return;
            case BindingOutcome.Empty:
                var next = fors[binding.Depth + 1].Variable.Name;
                Line(depth + 1, binding.Counts.Count == 0 ? $"no binding of `{next}` under it: its list is empty or null" : $"every binding of `{next}` under it is skipped");
                break;
        }

        foreach (var inner in binding.Bindings)
            Binding(inner, depth + 1);
        Omitted(binding, depth + 1);

        if (binding.Depth == fors.Count - 1)
        {
            Line(depth + 1, narration.Verdict(binding.Verdict));
            if (binding.Violation is { } violation)
                Violation(violation, depth + 1);
        }
    }

    private void Steps(BindingTrace binding, int depth)
    {
        foreach (var step in binding.Steps)
        {
            var label = step.Role switch
            {
                TraceRole.Where => "where ",
                TraceRole.Let => $"let {step.Name} = ",
                TraceRole.Source => $"for `{step.Name}` in ",
                _ => Keyword + " ",
            };
            Expression(step.Trace, null, depth, label);
        }
    }

    private void Expression(ExpressionTrace trace, ExpressionTrace? parent, int depth, string label = "")
    {
        if (!narration.IsShown(trace, parent))
        {
            foreach (var child in trace.Children)
                Expression(child, trace, depth);
            return;
        }

        if (trace.Expression is null)
        {
            // An element of a comprehension: its `where` (and `select`) on the element's own line.
            var first = trace.Children.FirstOrDefault();
            Line(depth, first is null ? $"{trace.Element}:" : $"{trace.Element}: {Evaluated(first)}");
            if (first is not null)
                Children(first, depth + 1);
            foreach (var rest in trace.Children.Skip(1))
                Expression(rest, trace, depth + 1);
            return;
        }

        var element = trace.Element is null ? "" : $"with {trace.Element}: ";
        Line(depth, $"{label}{element}{Evaluated(trace)}");
        Children(trace, depth + 1);
    }

    private void Children(ExpressionTrace trace, int depth)
    {
        if (trace.Path is { IsPermitted: false } declared)
            Line(depth, $"path: {declared} ({Hops(declared.Length)}; flows {string.Join(", ", declared.Flows.Select(f => f.Id))})");
        if (trace.Path is { IsPermitted: true } permitted)
        {
            Line(depth, $"path: {permitted} ({Hops(permitted.Length)}), each hop at what permits it");
            foreach (var hop in permitted.Hops.Select(WitnessStep.Of))
                Line(depth + 1, $"{hop.Location}: {hop.Message}");
        }

        foreach (var child in trace.Children)
            Expression(child, trace, depth);

        if (narration.NotEvaluated(trace) is { } skipped)
            Line(depth, skipped);
        if (trace.OmittedElements > 0)
            Line(depth, $"… {trace.OmittedElements} more {(trace.OmittedElements == 1 ? "element" : "elements")} of {trace.Elements} not shown");
    }

    private string Evaluated(ExpressionTrace trace)
    {
        var reason = narration.Reason(trace);
        return $"{narration.Text(trace)} is {ExplainValues.Render(trace.Value)}{(reason is null ? "" : ": " + reason)}";
    }

    private void Violation(Violation violation, int depth)
    {
        var outcome = explanation.Outcomes[violation];
        var reported = outcome.Reported;
        Line(depth, $"reported at {reported.Location}: {reported.Message}");
        if (violation.Witness is { } witness)
            Line(depth + 1, $"witness: {witness}");

        Line(depth + 1, "waiver: " + WaiverText(outcome));
        if (explanation.BaselineGiven)
            Line(depth + 1, outcome.Baselined ? "baseline: accepted, so the violation stays quiet" : "baseline: not in the baseline");
        Line(depth + 1, "severity: " + SeverityText(outcome));
        Line(depth + 1, "result: " + ResultText(outcome));
    }

    private static string WaiverText(ViolationOutcome outcome)
    {
        var expired = outcome.ExpiredWaivers.Select(w =>
            $"the waiver at {w.Location} expired on {Date(w.Expires)} and suppresses nothing (ZP0301)");
        if (outcome.Waiver is not { } waiver)
            return outcome.ExpiredWaivers.Count == 0 ? "none is filed for it" : string.Join("; ", expired);

        var soon = outcome.WaiverDaysLeft <= WaiverMatcher.ExpiryWarningDays ? $", in {outcome.WaiverDaysLeft} {(outcome.WaiverDaysLeft == 1 ? "day" : "days")} (ZP0303)" : "";
        var applied = $"suppressed by the waiver at {waiver.Location}: \"{waiver.Reason}\", approved by {waiver.ApprovedBy}, expires {Date(waiver.Expires)}{soon}";
        return string.Join("; ", expired.Append(applied));
    }

    private static string SeverityText(ViolationOutcome outcome)
    {
        var set = outcome.Overridden;
        var text = set == outcome.RuleSeverity || outcome.OverriddenBy is null
            ? $"{outcome.RuleSeverity.Name()}, the rule's own"
            : $"{(set ?? Severity.None).Name()}, set by {outcome.OverriddenBy}{(set is null ? ": not reported" : "")}";
        return outcome.Promoted ? $"{text}; `--warnaserror` makes it an error" : text;
    }

    private static string ResultText(ViolationOutcome outcome) => outcome switch
    {
        { Final: null } => "not reported",
        { Waiver: not null } => "suppressed by the waiver",
        { Baselined: true } => "suppressed by the baseline",
        { Final: { } final } => $"{final.Severity.Name()} {final.Id}, in force",
    };

    private void Omitted(BindingTrace binding, int depth)
    {
        var count = binding.Omitted.Values.Sum();
        if (count == 0)
            return;

        var name = fors[binding.Depth + 1].Variable.Name;
        writer.Write("\n");
        Line(depth, $"… {count} more {(count == 1 ? "binding" : "bindings")} of `{name}` not shown: {Outcomes(binding.Omitted)}; `--entity` explains chosen ones");
    }

    private void Summary()
    {
        for (var i = 0; i < fors.Count; i++)
        {
            var counts = explanation.Trace.Totals.Where(t => t.Key.For == i).ToDictionary(t => t.Key.Outcome, t => t.Value);
            var total = counts.Values.Sum();
            Line(0, $"bindings of `{fors[i].Variable.Name}`: {total}{(total == 0 ? "" : $" ({Outcomes(counts)})")}");
        }

        var inForce = explanation.InForce;
        var bySeverity = string.Join(", ", new[] { Severity.Error, Severity.Warning, Severity.Info }
            .Select(s => (Severity: s, Count: inForce.Count(d => d.Severity == s)))
            .Where(c => c.Count > 0)
            .Select(c => $"{c.Count} {c.Severity.Name()}{(c.Count == 1 ? "" : "s")}"));
        Line(0, $"findings: {inForce.Count} in force{(bySeverity.Length == 0 ? "" : $" ({bySeverity})")}, {explanation.Suppressed.Count} suppressed");
        foreach (var finding in inForce.Take(ShownFindings))
            Line(1, finding.ToCanonicalString());
        if (inForce.Count > ShownFindings)
            Line(1, $"… {inForce.Count - ShownFindings} more");
    }

    private static string Outcomes(Dictionary<BindingOutcome, int> counts)
    {
        var parts = new List<string>();
        void Add(int count, string singular, string plural)
        {
            if (count > 0)
                parts.Add($"{count} {(count == 1 ? singular : plural)}");
        }

        Add(counts.GetValueOrDefault(BindingOutcome.Violated), "violates", "violate");
        Add(counts.GetValueOrDefault(BindingOutcome.Passed), "passes", "pass");
        Add(counts.GetValueOrDefault(BindingOutcome.SkippedFalse) + counts.GetValueOrDefault(BindingOutcome.SkippedNull), "skipped by `where`", "skipped by `where`");
        Add(counts.GetValueOrDefault(BindingOutcome.Empty), "with nothing under it", "with nothing under them");
        return string.Join(", ", parts);
    }

    private static string Hops(long length) => length == 1 ? "1 hop" : $"{length} hops";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Line(int depth, string text) => writer.Write(new string(' ', 2 * depth) + text + "\n");
}
