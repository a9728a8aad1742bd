using System.Text.Json;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting;

/// <summary>
/// Writes the attack paths of <c>zpol paths</c>: as text (each path, then each of its steps at its place in
/// the topology, compiler style), as JSON, or as SARIF (each path a note result whose code flow steps
/// through its assets and the allow rules that permit its hops).
/// </summary>
internal static class PathsReporter
{
    /// <summary>The id of a path's SARIF result.</summary>
    public const string ResultId = "ATTACK-PATH";

    internal static readonly RuleInfo PathRule = new(
        ResultId,
        "Attack path over permitted connectivity",
        Severity.Info,
        "network",
        [],
        "https://zonepolicy.dev/docs/paths-and-diff#zpol-paths",
        SourceLocation.InFile("zpol"));

    public static void Write(PathsResult result, ReportFormat format, TextWriter output)
    {
        switch (format)
        {
            case ReportFormat.Json:
                WriteJson(result, output);
                break;
            case ReportFormat.Sarif:
                SarifReporter.Write(AsCheckResult(result), output);
                break;
            default:
                WriteText(result, output);
                break;
        }
    }

    private static void WriteText(PathsResult result, TextWriter output)
    {
        foreach (var diagnostic in DiagnosticOrder.Sort(result.Diagnostics))
        {
            output.Write(diagnostic.ToCanonicalString());
            output.Write('\n');
        }

        for (var i = 0; i < result.Paths.Count; i++)
        {
            var path = result.Paths[i];
            output.Write($"path {i + 1} of {result.Paths.Count}: {path.Text} ({Hops(path.Length)})\n");
            foreach (var step in path.Steps)
            {
                output.Write($"  {step.Location}: {StepText(step)}\n");
            }

            output.Write('\n');
        }

        if (!result.InputInvalid)
        {
            output.Write(Summary(result));
            output.Write('\n');
        }
    }

    private static void WriteJson(PathsResult result, TextWriter output) => JsonOutput.Write(output, writer =>
    {
        var request = result.Request;
        writer.WriteStartObject();
        writer.WriteString("site", request.TopologyFile);
        WriteStrings(writer, "from", request.From);
        WriteStrings(writer, "to", request.To);
        WriteStrings(writer, "avoid", request.Avoid);
        writer.WriteString("service", new Evaluation.ServiceFilter(request.Protocol, request.Port).ToString());
        JsonReporter.WriteList(writer, "diagnostics", DiagnosticOrder.Sort(result.Diagnostics));
        writer.WriteStartArray("paths");
        foreach (var path in result.Paths)
        {
            writer.WriteStartObject();
            writer.WriteNumber("length", path.Length);
            writer.WriteString("text", path.Text);
            WriteStrings(writer, "assets", path.Assets);
            WriteSteps(writer, "steps", path.Steps);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>A witness as a JSON array: each step's kind, id, place, and for a hop what permits it.</summary>
    internal static void WriteSteps(Utf8JsonWriter writer, string name, IReadOnlyList<PathStep> steps)
    {
        writer.WriteStartArray(name);
        foreach (var step in steps)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", step.Kind);
            writer.WriteString("id", step.EntityId);
            writer.WriteString("file", step.Location.File);
            writer.WriteNumber("line", step.Location.Line);
            writer.WriteNumber("column", step.Location.Column);
            if (step.Device is { } device)
            {
                writer.WriteString("device", device);
            }

            if (step.Rule is { } rule)
            {
                writer.WriteNumber("rule", rule);
            }

            if (step.Message is { } message)
            {
                writer.WriteString("message", message);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static CheckResult AsCheckResult(PathsResult result) => new()
    {
        Diagnostics = [.. result.Diagnostics, .. result.Paths.Select((path, i) => AsDiagnostic(result, path, i))],
        Suppressed = [],
        Rules = result.Paths.Count > 0 ? [PathRule] : [],
        InputInvalid = result.InputInvalid,
    };

    private static Diagnostic AsDiagnostic(PathsResult result, AttackPath path, int index) =>
        new(ResultId, Severity.Info, $"path {index + 1} of {result.Paths.Count}: {path.Text} ({Hops(path.Length)})", path.Steps[^1].Location)
        {
            Rule = PathRule,
            Entities = path.Assets,
            Witness = path.Steps,
        };

    private static string Summary(PathsResult result)
    {
        var request = result.Request;
        var between = $"from {string.Join(", ", request.From)} to {string.Join(", ", request.To)}";
        var avoiding = request.Avoid.Count == 0 ? "" : $" avoiding {string.Join(", ", request.Avoid)}";
        var service = request.Protocol is null && request.Port is null ? "" : $" for {new Evaluation.ServiceFilter(request.Protocol, request.Port)}";
        var count = result.Paths.Count switch
        {
            0 => "no path",
            1 => "1 path",
            var n => $"{n} paths",
        };
        return $"{count} {between}{avoiding}{service}";
    }

    private static string StepText(PathStep step) => step.Message ?? $"{step.Kind} {step.EntityId}";

    private static string Hops(int length) => length == 1 ? "1 hop" : $"{length} hops";

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
