using System.Text.Json;
using ZonePolicy.Compliance;

namespace ZonePolicy.Reporting.Compliance;

/// <summary>
/// <c>{ "today", "inputInvalid", "problems": [...], "sites": [{ "file", "id", "name", "packs": [{ "pack", "title",
/// "catalogue", "counts": {...}, "clauses": [...] }] }] }</c>: each clause with id, section, title, status, reason,
/// rules, findings (as the JSON report writes diagnostics) and attestation; <c>problems</c> holds the diagnostics no
/// rule reports (invalid input, missing or expired attestations).
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
                WritePack(writer, pack);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WritePack(Utf8JsonWriter writer, PackCompliance pack)
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
            WriteClause(writer, clause);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteClause(Utf8JsonWriter writer, ClauseResult clause)
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
        JsonReporter.WriteList(writer, "findings", clause.Findings);
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
