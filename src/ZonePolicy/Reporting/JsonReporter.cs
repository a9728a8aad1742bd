using System.Globalization;
using System.Text.Json;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting;

/// <summary>
/// <c>{ "diagnostics": [...], "suppressed": [...], "summary": {...} }</c>: each diagnostic with id,
/// severity, message, file, line and column (a null file and line and column 0 for the command line or
/// an internal error, which are in no file), and for violations the rule and the bound entities; a
/// waived one also carries its waiver, and a finding several packs' rules share lists each rule's own
/// report of it in <c>sharedBy</c> (id, severity, message, pack and refs).
/// </summary>
internal static class JsonReporter
{
    public static void Write(CheckResult result, TextWriter output) => JsonOutput.Write(output, writer =>
    {
        writer.WriteStartObject();
        WriteList(writer, "diagnostics", result.Diagnostics);
        WriteList(writer, "suppressed", result.Suppressed);
        writer.WriteStartObject("summary");
        writer.WriteNumber("errors", result.Errors);
        writer.WriteNumber("warnings", result.Warnings);
        writer.WriteNumber("infos", result.Infos);
        writer.WriteNumber("suppressed", result.Suppressed.Count);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    internal static void WriteList(Utf8JsonWriter writer, string name, IEnumerable<Diagnostic> diagnostics)
    {
        writer.WriteStartArray(name);
        foreach (var diagnostic in diagnostics)
        {
            WriteDiagnostic(writer, diagnostic, key: null);
        }

        writer.WriteEndArray();
    }

    /// <summary>A diagnostic as every JSON report writes it; <paramref name="key"/>, when given, comes first as <c>ref</c>, the key other parts of a report cite it by.</summary>
    internal static void WriteDiagnostic(Utf8JsonWriter writer, Diagnostic diagnostic, string? key)
    {
        writer.WriteStartObject();
        if (key is not null)
        {
            writer.WriteString("ref", key);
        }

        writer.WriteString("id", diagnostic.Id);
        writer.WriteString("severity", diagnostic.Severity.Name());
        writer.WriteString("message", diagnostic.Message);
        if (diagnostic.Location.IsInFile)
        {
            writer.WriteString("file", diagnostic.Location.File);
        }
        else
        {
            writer.WriteNull("file");
        }

        writer.WriteNumber("line", diagnostic.Location.Line);
        writer.WriteNumber("column", diagnostic.Location.Column);
        if (diagnostic.Rule is { } rule)
        {
            writer.WriteString("rule", rule.Id);
        }

        if (diagnostic.Entities.Count > 0)
        {
            writer.WriteStartArray("entities");
            foreach (var entity in diagnostic.Entities)
            {
                writer.WriteStringValue(entity);
            }

            writer.WriteEndArray();
        }

        if (diagnostic.SharedBy.Count > 0)
        {
            writer.WriteStartArray("sharedBy");
            foreach (var one in diagnostic.SharedBy)
            {
                writer.WriteStartObject();
                writer.WriteString("rule", one.Id);
                writer.WriteString("severity", one.Severity.Name());
                writer.WriteString("message", one.Message);
                if (one.Rule?.Pack is { } pack)
                {
                    writer.WriteString("pack", pack);
                }

                writer.WriteStartArray("refs");
                foreach (var reference in one.Rule?.Refs ?? [])
                {
                    writer.WriteStringValue(reference);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (diagnostic.Waiver is { } waiver)
        {
            writer.WriteStartObject("waiver");
            writer.WriteString("reason", waiver.Reason);
            writer.WriteString("approvedBy", waiver.ApprovedBy);
            writer.WriteString("expires", waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
