using System.Globalization;
using System.Text;
using System.Text.Json;
using ZonePolicy.Diagnostics;
using ZonePolicy.Findings;

namespace ZonePolicy.Reporting;

/// <summary>
/// A SARIF 2.1.0 log with one run: the rules in <c>tool.driver.rules</c>; each diagnostic a result at its
/// place in the topology or rule file, a violation with the rule as related location, a reachability
/// violation with its witness path as a code flow, and suppressed violations with their waiver as an
/// accepted external suppression.
/// </summary>
internal static class SarifReporter
{
    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string InformationUri = "https://zonepolicy.dev";
    private const string SourceRoot = "%SRCROOT%";
    private const string IdentityFingerprint = "ruleIdentity/v1";

    public static void Write(CheckResult result, TextWriter output) => JsonOutput.Write(output, writer =>
    {
        var rules = SarifRule.Collect(result);
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(r => r.Id, r => r.index, StringComparer.Ordinal);

        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();
        WriteTool(writer, rules);
        writer.WriteString("columnKind", "utf16CodeUnits");
        writer.WriteStartArray("results");
        foreach (var diagnostic in result.Diagnostics)
        {
            WriteResult(writer, diagnostic, ruleIndex[diagnostic.Id], suppressed: false);
        }

        foreach (var diagnostic in result.Suppressed)
        {
            WriteResult(writer, diagnostic, ruleIndex[diagnostic.Id], suppressed: true);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteTool(Utf8JsonWriter writer, IReadOnlyList<SarifRule> rules)
    {
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "zpol");
        writer.WriteString("informationUri", InformationUri);
        writer.WriteString("semanticVersion", Reporter.ToolVersion);
        writer.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(writer, rule);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, SarifRule rule)
    {
        writer.WriteStartObject();
        writer.WriteString("id", rule.Id);
        writer.WriteString("name", rule.Name);
        WriteMessage(writer, "shortDescription", rule.Title);
        WriteMessage(writer, "fullDescription", rule.Refs.Count == 0 ? rule.Title : $"{rule.Title} ({string.Join("; ", rule.Refs)})");
        var helpUri = AbsoluteUri(rule.HelpUri);
        if (helpUri is not null)
        {
            writer.WriteString("helpUri", helpUri);
        }

        writer.WriteStartObject("help");
        writer.WriteString("text", helpUri is null ? rule.Title : $"{rule.Title}: {helpUri}");
        writer.WriteString("markdown", HelpMarkdown(rule));
        writer.WriteEndObject();
        writer.WriteStartObject("defaultConfiguration");
        writer.WriteString("level", Level(rule.DefaultSeverity));
        writer.WriteEndObject();
        if (rule.Category is { } category)
        {
            writer.WriteStartObject("properties");
            writer.WriteStartArray("tags");
            writer.WriteStringValue(category);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static string HelpMarkdown(SarifRule rule)
    {
        var markdown = new StringBuilder().Append("**").Append(rule.Title).Append("**\n\n");
        if (rule.Refs.Count > 0)
        {
            markdown.Append("References:\n");
            foreach (var reference in rule.Refs)
            {
                markdown.Append("- ").Append(reference).Append('\n');
            }

            markdown.Append('\n');
        }

        return AbsoluteUri(rule.HelpUri) is { } helpUri
            ? markdown.Append("[More about ").Append(rule.Id).Append("](").Append(helpUri).Append(')').ToString()
            : markdown.ToString().TrimEnd('\n');
    }

    /// <summary>An absolute URI as SARIF's <c>format: uri</c> wants it, or null for an empty or relative one.</summary>
    private static string? AbsoluteUri(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : null;

    private static void WriteResult(Utf8JsonWriter writer, Diagnostic diagnostic, int ruleIndex, bool suppressed)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", diagnostic.Id);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("level", Level(diagnostic.Severity));
        WriteMessage(writer, "message", diagnostic.Message);
        if (diagnostic.Location.IsInFile)
        {
            writer.WriteStartArray("locations");
            writer.WriteStartObject();
            WritePhysicalLocation(writer, diagnostic.Location);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        var declaredRules = diagnostic.PerRule.Select(d => d.Rule).OfType<RuleInfo>().Where(r => r.Location.IsInFile).ToList();
        if (declaredRules.Count > 0)
        {
            writer.WriteStartArray("relatedLocations");
            for (var i = 0; i < declaredRules.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", i + 1);
                WritePhysicalLocation(writer, declaredRules[i].Location);
                WriteMessage(writer, "message", i == 0 ? $"rule `{declaredRules[i].Id}` is declared here" : $"rule `{declaredRules[i].Id}` reports the same finding");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (diagnostic.Witness.Count > 0)
        {
            WriteCodeFlow(writer, diagnostic.Witness);
        }

        if (diagnostic.Entities.Count > 0)
        {
            writer.WriteStartObject("partialFingerprints");
            writer.WriteString(IdentityFingerprint, ViolationIdentity.Of(diagnostic).Fingerprint);
            writer.WriteEndObject();
        }

        if (suppressed)
        {
            WriteSuppression(writer, diagnostic.Waiver);
        }

        if (diagnostic.SharedBy.Count > 0)
        {
            writer.WriteStartObject("properties");
            writer.WriteStartArray("sharedBy");
            foreach (var one in diagnostic.SharedBy)
            {
                writer.WriteStringValue(one.Id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteCodeFlow(Utf8JsonWriter writer, IReadOnlyList<PathStep> witness)
    {
        writer.WriteStartArray("codeFlows");
        writer.WriteStartObject();
        writer.WriteStartArray("threadFlows");
        writer.WriteStartObject();
        writer.WriteStartArray("locations");
        foreach (var step in witness)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("location");
            if (step.Location.IsInFile)
            {
                WritePhysicalLocation(writer, step.Location);
            }

            WriteMessage(writer, "message", step.Message ?? $"{step.Kind} `{step.EntityId}`");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteSuppression(Utf8JsonWriter writer, WaiverInfo? waiver)
    {
        writer.WriteStartArray("suppressions");
        writer.WriteStartObject();
        writer.WriteString("kind", "external");
        writer.WriteString("status", "accepted");
        if (waiver is null)
        {
            writer.WriteString("justification", "accepted in the baseline");
        }
        else
        {
            writer.WriteString("justification", waiver.Reason);
            if (waiver.Location.IsInFile)
            {
                writer.WriteStartObject("location");
                WritePhysicalLocation(writer, waiver.Location);
                writer.WriteEndObject();
            }

            writer.WriteStartObject("properties");
            writer.WriteString("approvedBy", waiver.ApprovedBy);
            writer.WriteString("expires", waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter writer, SourceLocation location)
    {
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(location.File))
        {
            writer.WriteString("uri", FileUri(Path.GetFullPath(location.File)));
        }
        else
        {
            writer.WriteString("uri", RelativeUri(location.File));
            writer.WriteString("uriBaseId", SourceRoot);
        }

        writer.WriteEndObject();
        if (location.HasPosition)
        {
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", location.Line);
            if (location.Column > 0)
            {
                writer.WriteNumber("startColumn", location.Column);
            }

            if (location.EndLine > location.Line || (location.EndLine == location.Line && location.EndColumn > location.Column))
            {
                writer.WriteNumber("endLine", location.EndLine);
                writer.WriteNumber("endColumn", location.EndColumn);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>A relative path as a URI reference: forward slashes, each segment escaped, no <c>./</c>.</summary>
    private static string RelativeUri(string path) =>
        string.Join('/', Segments(path).Where(s => s is not ("" or ".")).Select(Uri.EscapeDataString));

    /// <summary>
    /// A full path as a <c>file:</c> URI (RFC 8089), every segment percent-encoded, so that <c>%</c>, <c>#</c>, <c>?</c>
    /// and spaces in a name stay part of the path: <c>/a b/c#1.json</c> is <c>file:///a%20b/c%231.json</c>,
    /// <c>C:\x\y.json</c> is <c>file:///C:/x/y.json</c>, <c>\\server\share\z.json</c> is <c>file://server/share/z.json</c>.
    /// </summary>
    private static string FileUri(string fullPath)
    {
        var segments = Segments(fullPath);
        if (fullPath.StartsWith(@"\\", StringComparison.Ordinal))
        {
            return "file://" + segments[2] + "/" + string.Join('/', segments.Skip(3).Select(Uri.EscapeDataString));
        }

        var drive = segments[0].Length == 2 && segments[0][1] == ':' ? segments[0] + "/" : "";
        return "file:///" + drive + string.Join('/', segments.Skip(drive.Length > 0 ? 1 : 0).Where(s => s.Length > 0).Select(Uri.EscapeDataString));
    }

    private static string[] Segments(string path) => path.Replace('\\', '/').Split('/');

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    private static void WriteMessage(Utf8JsonWriter writer, string name, string text)
    {
        writer.WriteStartObject(name);
        writer.WriteString("text", text);
        writer.WriteEndObject();
    }
}
