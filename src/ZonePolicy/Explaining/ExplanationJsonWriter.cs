using System.Globalization;
using System.Text.Json;
using ZonePolicy.Binding;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Reporting;
using ZonePolicy.Types;

namespace ZonePolicy.Explaining;

/// <summary>
/// Writes an explanation as JSON, with the same content as the text: the rule, the bindings with their traces,
/// the decisions on each violation, the totals, and the rule's findings in the shape of <c>zpol check
/// --format json</c>. Without an explanation, the diagnostics are written as <c>zpol check</c> writes them.
/// </summary>
internal sealed class ExplanationJsonWriter(Explanation explanation)
{
    private readonly Narration narration = new(explanation.Sources, explanation.Rule.IsForbid);
    private readonly IReadOnlyList<BoundFor> fors = [.. explanation.Rule.Fors];

    public static void Write(ExplainResult result, TextWriter output)
    {
        if (result.Explanation is not { } explanation)
        {
            JsonReporter.Write(new CheckResult { Diagnostics = result.Diagnostics, Suppressed = [], Rules = [], InputInvalid = true }, output);
            return;
        }

        JsonOutput.Write(output, new ExplanationJsonWriter(explanation).Write);
    }

    private void Write(Utf8JsonWriter writer)
    {
        var rule = explanation.Rule;
        writer.WriteStartObject();
        writer.WriteStartObject("rule");
        writer.WriteString("id", rule.Id);
        writer.WriteString("title", rule.Info.Title);
        writer.WriteString("file", rule.Info.Location.File);
        writer.WriteNumber("line", rule.Info.Location.Line);
        writer.WriteNumber("column", rule.Info.Location.Column);
        writer.WriteString("severity", rule.Info.DefaultSeverity.Name());
        writer.WriteString(rule.IsForbid ? "forbid" : "require", narration.Text(rule.Condition));
        writer.WriteEndObject();
        writer.WriteString("site", explanation.Site);
        writer.WriteString("today", Date(explanation.Today));
        writer.WriteStartArray("entities");
        foreach (var combination in explanation.Entities)
            WriteIds(writer, null, combination);
        writer.WriteEndArray();

        writer.WritePropertyName("evaluation");
        Binding(writer, explanation.Trace.Root);

        writer.WriteStartArray("totals");
        for (var i = 0; i < fors.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("variable", fors[i].Variable.Name);
            foreach (var outcome in Enum.GetValues<BindingOutcome>())
                writer.WriteNumber(Name(outcome), explanation.Trace.Totals.GetValueOrDefault((i, outcome)));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        JsonReporter.WriteList(writer, "diagnostics", explanation.InForce);
        JsonReporter.WriteList(writer, "suppressed", explanation.Suppressed);
        writer.WriteStartObject("summary");
        writer.WriteNumber("errors", explanation.InForce.Count(d => d.Severity == Severity.Error));
        writer.WriteNumber("warnings", explanation.InForce.Count(d => d.Severity == Severity.Warning));
        writer.WriteNumber("infos", explanation.InForce.Count(d => d.Severity == Severity.Info));
        writer.WriteNumber("suppressed", explanation.Suppressed.Count);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private void Binding(Utf8JsonWriter writer, BindingTrace binding)
    {
        writer.WriteStartObject();
        if (binding.Step is { } step && binding.Entity is { } entity)
        {
            writer.WriteString("variable", step.Variable.Name);
            writer.WriteString("entity", entity.Id);
            writer.WriteString("file", entity.Location.File);
            writer.WriteNumber("line", entity.Location.Line);
            writer.WriteNumber("column", entity.Location.Column);
            writer.WriteString("outcome", Name(binding.Outcome));
        }

        writer.WriteStartArray("steps");
        foreach (var trace in binding.Steps)
        {
            writer.WriteStartObject();
            writer.WriteString("role", trace.Role switch { TraceRole.Where => "where", TraceRole.Let => "let", TraceRole.Source => "in", _ => "condition" });
            if (trace.Name is { } name)
                writer.WriteString("name", name);
            writer.WritePropertyName("trace");
            Expression(writer, trace.Trace);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (binding.Depth == fors.Count - 1 && binding.Outcome is BindingOutcome.Violated or BindingOutcome.Passed)
            writer.WriteString("verdict", narration.Verdict(binding.Verdict));
        if (binding.Violation is { } violation)
            Violation(writer, violation);

        writer.WriteStartArray("bindings");
        foreach (var inner in binding.Bindings)
            Binding(writer, inner);
        writer.WriteEndArray();
        writer.WriteStartObject("omitted");
        foreach (var (outcome, count) in binding.Omitted.OrderBy(o => o.Key))
            writer.WriteNumber(Name(outcome), count);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>A trace as the text shows it: nodes without a line of their own give their place to their children.</summary>
    private void Expression(Utf8JsonWriter writer, ExpressionTrace trace)
    {
        writer.WriteStartObject();
        if (trace.Element is { } element)
            writer.WriteString("element", element);
        if (trace.Expression is not null)
        {
            writer.WriteString("expression", narration.Text(trace));
            writer.WriteString("value", ExplainValues.Render(trace.Value));
            if (narration.Reason(trace) is { } reason)
                writer.WriteString("reason", reason);
        }

        if (trace.Path is { } path)
        {
            writer.WriteStartObject("path");
            writer.WriteNumber("length", path.Length);
            WriteIds(writer, "assets", path.Assets.Select(a => a.Id));
            WriteIds(writer, "flows", path.Flows.Select(f => f.Id));
            if (path.IsPermitted)
                WritePermittedHops(writer, path);
            writer.WriteEndObject();
        }

        if (narration.NotEvaluated(trace) is { } skipped)
            writer.WriteString("notEvaluated", skipped);
        if (trace.Elements > 0)
        {
            writer.WriteNumber("elements", trace.Elements);
            writer.WriteNumber("omittedElements", trace.OmittedElements);
        }

        writer.WriteStartArray("children");
        foreach (var child in Shown(trace))
            Expression(writer, child);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private IEnumerable<ExpressionTrace> Shown(ExpressionTrace trace)
    {
        foreach (var child in trace.Children)
        {
            if (narration.IsShown(child, trace))
            {
                yield return child;
                continue;
            }

            foreach (var lifted in Shown(child))
                yield return lifted;
        }
    }

    private void Violation(Utf8JsonWriter writer, Violation violation)
    {
        var outcome = explanation.Outcomes[violation];
        writer.WriteStartObject("violation");
        writer.WriteString("message", outcome.Reported.Message);
        writer.WriteString("at", violation.At.Id);
        writer.WriteString("file", outcome.Reported.Location.File);
        writer.WriteNumber("line", outcome.Reported.Location.Line);
        writer.WriteNumber("column", outcome.Reported.Location.Column);
        WriteIds(writer, "entities", outcome.Reported.Entities);
        if (violation.Witness is { } witness)
            WriteIds(writer, "witness", witness.Assets.Select(a => a.Id));

        writer.WritePropertyName("waiver");
        if (outcome.Waiver is { } waiver)
            Waiver(writer, waiver);
        else
            writer.WriteNullValue();
        writer.WriteStartArray("expiredWaivers");
        foreach (var expired in outcome.ExpiredWaivers)
            Waiver(writer, expired);
        writer.WriteEndArray();

        if (explanation.BaselineGiven)
            writer.WriteBoolean("baselined", outcome.Baselined);
        writer.WriteStartObject("severity");
        writer.WriteString("rule", outcome.RuleSeverity.Name());
        writer.WriteString("set", (outcome.Overridden ?? Severity.None).Name());
        if (outcome.OverriddenBy is { } by && outcome.Overridden != outcome.RuleSeverity)
            writer.WriteString("setBy", by);
        writer.WriteBoolean("warnAsError", outcome.Promoted);
        writer.WriteEndObject();
        writer.WriteString("result", outcome switch
        {
            { Final: null } => "not-reported",
            { Waiver: not null } => "waived",
            { Baselined: true } => "baselined",
            _ => "in-force",
        });
        if (outcome.Final is { } final)
            writer.WriteString("finalSeverity", final.Severity.Name());
        writer.WriteEndObject();
    }

    private static void Waiver(Utf8JsonWriter writer, Topology.Waiver waiver)
    {
        writer.WriteStartObject();
        writer.WriteString("reason", waiver.Reason);
        writer.WriteString("approvedBy", waiver.ApprovedBy);
        writer.WriteString("expires", Date(waiver.Expires));
        writer.WriteString("file", waiver.Location.File);
        writer.WriteNumber("line", waiver.Location.Line);
        writer.WriteNumber("column", waiver.Location.Column);
        writer.WriteEndObject();
    }

    /// <summary>What permits each hop of a path over permitted connectivity: its zone or conduit, at the allow rule that does.</summary>
    private static void WritePermittedHops(Utf8JsonWriter writer, PathValue path)
    {
        writer.WriteStartArray("hops");
        foreach (var (hop, step) in path.Hops.Select(hop => (hop, WitnessStep.Of(hop))))
        {
            writer.WriteStartObject();
            writer.WriteString("from", hop.From.Id);
            writer.WriteString("to", hop.To.Id);
            writer.WriteString("kind", step.Kind);
            writer.WriteString("id", step.EntityId);
            if (step.Device is { } device)
                writer.WriteString("device", device);
            if (step.Rule is { } rule)
                writer.WriteNumber("rule", rule);
            writer.WriteString("file", step.Location.File);
            writer.WriteNumber("line", step.Location.Line);
            writer.WriteNumber("column", step.Location.Column);
            writer.WriteString("message", step.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteIds(Utf8JsonWriter writer, string? name, IEnumerable<string> ids)
    {
        if (name is null)
            writer.WriteStartArray();
        else
            writer.WriteStartArray(name);
        foreach (var id in ids)
            writer.WriteStringValue(id);
        writer.WriteEndArray();
    }

    private static string Name(BindingOutcome outcome) => outcome switch
    {
        BindingOutcome.Violated => "violated",
        BindingOutcome.Passed => "passed",
        BindingOutcome.SkippedFalse => "skippedFalse",
        BindingOutcome.SkippedNull => "skippedNull",
        _ => "empty",
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
