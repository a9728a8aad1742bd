using System.Globalization;
using System.Text.Json;
using ZonePolicy.Compliance;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Reporting.Compliance;

/// <summary>
/// <c>{ "today", "inputInvalid", "problems": [...], "findings": [...], "sites": [{ "file", "id", "name", "packs":
/// [{ "pack", "title", "catalogue", "counts": {...}, "clauses": [...] }] }] }</c>: each clause with id, section, title,
/// status, reason, rules, the <c>ref</c>s of its findings and attestation. <c>findings</c> holds every finding a
/// clause cites once (as the JSON report writes diagnostics, with its <c>ref</c> first), in the order clauses first
/// cite them, however many clauses of however many packs cite it. <c>problems</c> holds the diagnostics no rule
/// reports (invalid input, missing or expired attestations).
/// </summary>
internal static class ComplianceJson
{
    public static void Write(CheckResult result, TextWriter output) => JsonOutput.Write(output, writer =>
    {
        writer.WriteStartObject();
        if (result.Today is { } today)
        {
            writer.WriteString("today", ComplianceReporter.Day(today));
        }

        writer.WriteBoolean("inputInvalid", result.InputInvalid);
        JsonReporter.WriteList(writer, "problems", ComplianceReporter.Problems(result));
        var references = References(result);
        writer.WriteStartArray("findings");
        foreach (var (finding, reference) in references)
        {
            JsonReporter.WriteDiagnostic(writer, finding, reference);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("sites");
        foreach (var site in result.Compliance)
        {
            writer.WriteStartObject();
            writer.WriteString("file", site.File);
            writer.WriteString("id", site.SiteId);
            writer.WriteString("name", site.SiteName);
            writer.WriteStartArray("packs");
            foreach (var pack in site.Packs)
            {
                WritePack(writer, pack, references);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>Each finding a clause cites, by reference (one finding may be cited by many clauses), with its key: <c>f1</c>, <c>f2</c>, ... in the order clauses first cite them.</summary>
    private static Dictionary<Diagnostic, string> References(CheckResult result)
    {
        var references = new Dictionary<Diagnostic, string>(ReferenceEqualityComparer.Instance);
        foreach (var finding in result.Compliance.SelectMany(site => site.Packs).SelectMany(pack => pack.Clauses).SelectMany(clause => clause.Findings))
        {
            references.TryAdd(finding, string.Create(CultureInfo.InvariantCulture, $"f{references.Count + 1}"));
        }

        return references;
    }

    private static void WritePack(Utf8JsonWriter writer, PackCompliance pack, Dictionary<Diagnostic, string> references)
    {
        writer.WriteStartObject();
        writer.WriteString("pack", pack.Pack);
        writer.WriteString("title", pack.Title);
        writer.WriteString("catalogue", pack.CatalogueFile);
        writer.WriteStartObject("counts");
        foreach (var status in ComplianceReporter.Statuses)
        {
            writer.WriteNumber(status.Key(), pack.Count(status));
        }

        writer.WriteEndObject();
        writer.WriteStartArray("clauses");
        foreach (var clause in pack.Clauses)
        {
            WriteClause(writer, clause, references);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteClause(Utf8JsonWriter writer, ClauseResult clause, Dictionary<Diagnostic, string> references)
    {
        writer.WriteStartObject();
        writer.WriteString("id", clause.Id);
        writer.WriteString("section", clause.Section);
        writer.WriteString("title", clause.Title);
        writer.WriteString("status", clause.Status.Key());
        writer.WriteString("reason", clause.Reason);
        writer.WriteStartArray("rules");
        foreach (var rule in clause.Rules)
        {
            writer.WriteStringValue(rule);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("findings");
        foreach (var finding in clause.Findings)
        {
            writer.WriteStringValue(references[finding]);
        }

        writer.WriteEndArray();
        if (clause.Attestation is { } attestation)
        {
            writer.WriteStartObject("attestation");
            writer.WriteString("status", attestation.Status);
            writer.WriteString("evidence", attestation.Evidence);
            writer.WriteString("owner", attestation.Owner);
            writer.WriteString("date", ComplianceReporter.Day(attestation.Date));
            writer.WriteString("expires", ComplianceReporter.Day(attestation.Expires));
            writer.WriteBoolean("expired", attestation.Expired);
            writer.WriteString("file", attestation.Location.File);
            writer.WriteNumber("line", attestation.Location.Line);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
