using System.Text;
using System.Text.Json;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting;

/// <summary>
/// Writes what <c>zpol diff</c> found: as text (each change at its place, compiler style), JSON, SARIF (what
/// the change introduces: its new violations and the paths it opens, for code scanning on a pull request) or
/// Markdown (a pull-request comment) or HTML (a page to review it in).
/// </summary>
internal static class DiffReporter
{
    /// <summary>The longest Markdown report, to fit a pull-request comment (65,536 characters); rows beyond it are left out and counted.</summary>
    public const int MaxMarkdownCharacters = 60_000;

    public static void Write(DiffResult result, ReportFormat format, TextWriter output)
    {
        switch (format)
        {
            case ReportFormat.Json:
                WriteJson(result, output);
                break;
            case ReportFormat.Sarif:
                SarifReporter.Write(Introduced(result), output);
                break;
            case ReportFormat.Markdown:
                output.Write(Markdown(result));
                break;
            case ReportFormat.Html:
                Html.DiffHtmlReporter.Write(result, output);
                break;
            default:
                WriteText(result, output);
                break;
        }
    }

    private static void WriteText(DiffResult result, TextWriter output)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in DiagnosticOrder.Sort(result.Diagnostics))
        {
            text.Append(diagnostic.ToCanonicalString()).Append('\n');
        }

        if (result.InputInvalid)
        {
            output.Write(text);
            return;
        }

        text.Append($"{result.Request.Before} -> {result.Request.After}\n\n");
        text.Append($"entities: {Counts(result.Entities.Select(e => e.Change))}\n");
        foreach (var entity in result.Entities)
        {
            text.Append($"  {entity.Location}: {Sign(entity.Change)} {entity.Kind} {entity.Id}{Changed(entity)}\n");
        }

        text.Append($"\nzone crossings the network permits: {Opened(result.Crossings.Select(c => c.Change))}\n");
        foreach (var crossing in result.Crossings)
        {
            text.Append($"  {crossing.Location}: {Sign(crossing.Change)} {CrossingText(crossing)}\n");
        }

        text.Append($"\npermitted paths into control zones: {Opened(result.Paths.Select(p => p.Change))}\n");
        foreach (var path in result.Paths)
        {
            text.Append($"  {Sign(path.Change)} {path.From} to {path.To}: {path.Text}{Was(path)}\n");
            foreach (var step in path.Steps)
            {
                text.Append($"      {step.Location}: {step.Message ?? $"{step.Kind} {step.EntityId}"}\n");
            }
        }

        if (result.Checked)
        {
            text.Append($"\nviolations: {ViolationCounts(result)}\n");
            foreach (var (sign, list) in ViolationLists(result))
            {
                foreach (var violation in DiagnosticOrder.Sort(list))
                {
                    text.Append($"  {sign} {violation.ToCanonicalString()}\n");
                }
            }
        }

        output.Write(text);
    }

    private static void WriteJson(DiffResult result, TextWriter output) => JsonOutput.Write(output, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("before", result.Request.Before);
        writer.WriteString("after", result.Request.After);
        JsonReporter.WriteList(writer, "diagnostics", DiagnosticOrder.Sort(result.Diagnostics));
        writer.WriteStartArray("entities");
        foreach (var entity in result.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("change", Name(entity.Change));
            writer.WriteString("kind", entity.Kind);
            writer.WriteString("id", entity.Id);
            WriteLocation(writer, entity.Location);
            if (entity.Attributes.Count > 0)
            {
                writer.WriteStartArray("attributes");
                entity.Attributes.ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("crossings");
        foreach (var crossing in result.Crossings)
        {
            writer.WriteStartObject();
            writer.WriteString("change", Name(crossing.Change));
            writer.WriteString("from", crossing.From);
            writer.WriteString("to", crossing.To);
            writer.WriteString("through", crossing.Through);
            writer.WriteString("throughKind", crossing.ThroughKind);
            WriteLocation(writer, crossing.Location);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("paths");
        foreach (var path in result.Paths)
        {
            writer.WriteStartObject();
            writer.WriteString("change", Name(path.Change));
            writer.WriteString("from", path.From);
            writer.WriteString("to", path.To);
            writer.WriteString("text", path.Text);
            if (path.Previous is { } previous)
            {
                writer.WriteString("previous", previous);
            }

            PathsReporter.WriteSteps(writer, "steps", path.Steps);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (result.Checked)
        {
            writer.WriteStartObject("violations");
            foreach (var (name, list) in new[] { ("new", result.NewViolations), ("fixed", result.FixedViolations), ("waived", result.WaivedViolations) })
            {
                JsonReporter.WriteList(writer, name, DiagnosticOrder.Sort(list));
            }

            writer.WriteNumber("unchanged", result.UnchangedViolations);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    });

    private static string Markdown(DiffResult result)
    {
        var text = new StringBuilder("## ZonePolicy change review\n\n");
        text.Append(MarkdownText.Code(result.Request.Before)).Append(" → ").Append(MarkdownText.Code(result.Request.After)).Append("\n\n");
        if (result.InputInvalid)
        {
            text.Append("The change could not be reviewed:\n\n| location | id | message |\n|---|---|---|\n");
            foreach (var diagnostic in DiagnosticOrder.Sort(result.Diagnostics))
            {
                text.Append($"| {MarkdownText.Code(diagnostic.Location.ToString())} | {diagnostic.Id} | {MarkdownText.Cell(diagnostic.Message)} |\n");
            }

            return text.ToString();
        }

        text.Append("| | |\n|---|---|\n");
        if (result.Checked)
        {
            text.Append($"| violations | {ViolationCounts(result)} |\n");
        }

        text.Append($"| permitted paths into control zones | {Opened(result.Paths.Select(p => p.Change))} |\n");
        text.Append($"| zone crossings the network permits | {Opened(result.Crossings.Select(c => c.Change))} |\n");
        text.Append($"| entities | {Counts(result.Entities.Select(e => e.Change))} |\n");

        if (result.Checked)
        {
            AppendTable(text, "### Violations", "| | severity | rule | location | message |\n|---|---|---|---|---|", ViolationLists(result)
                .SelectMany(group => DiagnosticOrder.Sort(group.List).Select(v =>
                    $"| {ChangeWord(group.Sign)} | {v.Severity.Name()} | {v.Id} | {MarkdownText.Code(v.Location.ToString())} | {MarkdownText.Cell(v.Message)} |")));
        }

        AppendTable(text, "### Permitted paths into control zones", "| | from | to | path |\n|---|---|---|---|", result.Paths.Select(path =>
            $"| {Verb(path.Change)} | {MarkdownText.Cell(path.From)} | {MarkdownText.Cell(path.To)} | {MarkdownText.Code(path.Text)}"
            + (path.Previous is { } previous ? $" (was {MarkdownText.Code(previous)})" : "") + " |"));
        AppendTable(text, "### Zone crossings", "| | from | to | through |\n|---|---|---|---|", result.Crossings.Select(crossing =>
            $"| {Verb(crossing.Change)} | {MarkdownText.Cell(crossing.From)} | {MarkdownText.Cell(crossing.To)} | {crossing.ThroughKind} {MarkdownText.Code(crossing.Through)} |"));
        if (result.Entities.Count > 0)
        {
            text.Append("\n<details><summary>Entities</summary>\n");
            AppendTable(text, "", "| | kind | id | attributes |\n|---|---|---|---|", result.Entities.Select(entity =>
                $"| {Name(entity.Change)} | {entity.Kind} | {MarkdownText.Code(entity.Id)} | {MarkdownText.Cell(string.Join(", ", entity.Attributes))} |"));
            text.Append("\n</details>\n");
        }

        return text.ToString();
    }

    /// <summary>What the change introduces, as a check result SARIF can carry: its new violations, and the paths it opens or reroutes.</summary>
    private static CheckResult Introduced(DiffResult result)
    {
        var introduced = result.Paths.Where(p => p.Change != ChangeKind.Removed).ToList();
        var paths = introduced.Select(path => new Diagnostic(
            PathsReporter.ResultId,
            Severity.Info,
            path.Previous is { } previous
                ? $"the change reroutes the permitted path from {path.From} into control zone {path.To}: {path.Text} (was {previous})"
                : $"the change opens a permitted path from {path.From} into control zone {path.To}: {path.Text}",
            path.Steps[^1].Location)
        {
            Rule = PathsReporter.PathRule,
            Entities = [path.From, path.To],
            Witness = path.Steps,
        });
        var rules = result.NewViolations.Select(v => v.Rule).OfType<RuleInfo>().DistinctBy(r => r.Id);
        return new CheckResult
        {
            Diagnostics = [.. result.Diagnostics, .. result.NewViolations, .. paths],
            Suppressed = [],
            Rules = [.. rules, .. introduced.Count > 0 ? [PathsReporter.PathRule] : Array.Empty<RuleInfo>()],
            InputInvalid = result.InputInvalid,
        };
    }

    /// <summary>A headed table of <paramref name="rows"/>, nothing when there are none; rows past the size limit are counted, not shown.</summary>
    private static void AppendTable(StringBuilder text, string heading, string header, IEnumerable<string> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append('\n');
        if (heading.Length > 0)
        {
            text.Append(heading).Append("\n\n");
        }

        text.Append(header).Append('\n');
        for (var i = 0; i < list.Count; i++)
        {
            if (text.Length + list[i].Length > MaxMarkdownCharacters)
            {
                text.Append("\n_").Append(list.Count - i).Append(" more rows are not shown; the text and JSON reports list them all._\n");
                return;
            }

            text.Append(list[i]).Append('\n');
        }
    }

    internal static IEnumerable<(char Sign, IReadOnlyList<Diagnostic> List)> ViolationLists(DiffResult result) =>
        [('+', result.NewViolations), ('-', result.FixedViolations), ('~', result.WaivedViolations)];

    internal static string ViolationCounts(DiffResult result) =>
        $"{result.NewViolations.Count} new, {result.FixedViolations.Count} fixed, {result.WaivedViolations.Count} waived, {result.UnchangedViolations} unchanged";

    internal static string ChangeWord(char sign) => sign switch
    {
        '+' => "new",
        '-' => "fixed",
        _ => "waived",
    };

    internal static string Counts(IEnumerable<ChangeKind> changes)
    {
        var list = changes.ToList();
        return $"{list.Count(c => c == ChangeKind.Added)} added, {list.Count(c => c == ChangeKind.Removed)} removed, {list.Count(c => c == ChangeKind.Changed)} changed";
    }

    internal static string Opened(IEnumerable<ChangeKind> changes)
    {
        var list = changes.ToList();
        var rerouted = list.Count(c => c == ChangeKind.Changed);
        var counts = $"{list.Count(c => c == ChangeKind.Added)} opened, {list.Count(c => c == ChangeKind.Removed)} closed";
        return rerouted == 0 ? counts : $"{counts}, {rerouted} rerouted";
    }

    internal static string Verb(ChangeKind change) => change switch
    {
        ChangeKind.Added => "opened",
        ChangeKind.Removed => "closed",
        _ => "rerouted",
    };

    private static string Was(PathChange path) => path.Previous is { } previous ? $" (was {previous})" : "";

    private static string CrossingText(CrossingChange crossing) =>
        crossing.ThroughKind == "conduit"
            ? $"{crossing.From} -> {crossing.To} through conduit {crossing.Through}"
            : $"{crossing.From} -> {crossing.To} across {crossing.Through}, which bridges them";

    private static string Changed(EntityChange entity) => entity.Attributes.Count == 0 ? "" : $" ({string.Join(", ", entity.Attributes)})";

    private static char Sign(ChangeKind change) => change switch
    {
        ChangeKind.Added => '+',
        ChangeKind.Removed => '-',
        _ => '~',
    };

    internal static string Name(ChangeKind change) => change.ToString().ToLowerInvariant();

    private static void WriteLocation(Utf8JsonWriter writer, SourceLocation location)
    {
        writer.WriteString("file", location.File);
        writer.WriteNumber("line", location.Line);
        writer.WriteNumber("column", location.Column);
    }
}
