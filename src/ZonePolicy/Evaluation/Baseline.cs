using System.Text.Json;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Evaluation;

/// <summary>
/// Accepted violations, recorded by identity (rule id and bound entity ids, never line numbers) so the file
/// survives reformatting of the topology: <c>{ "version": 1, "violations": [ { "rule": "...", "entities": [...] } ] }</c>.
/// </summary>
public sealed class Baseline
{
    private readonly HashSet<string> identities;

    private Baseline(HashSet<string> identities) => this.identities = identities;

    internal bool Contains(Diagnostic diagnostic) => identities.Contains(Identity(diagnostic.Id, diagnostic.Entities));

    /// <summary>Reads a baseline file; a missing or malformed file is a located diagnostic, not an exception.</summary>
    internal static Baseline? Load(string path, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Add(DiagnosticDescriptors.FileNotFound, SourceLocation.InFile(path), "baseline", path);
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.GetProperty("violations").EnumerateArray())
            {
                var rule = entry.GetProperty("rule").GetString() ?? "";
                var entities = entry.GetProperty("entities").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
                set.Add(Identity(rule, entities));
            }

            return new Baseline(set);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IOException)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidBaseline, SourceLocation.At(path, 1, 1));
            return null;
        }
    }

    /// <summary>Writes the violations of a result as a baseline, sorted, so the same result gives the same bytes.</summary>
    public static void Write(CheckResult result, Stream output)
    {
        var entries = result.Diagnostics.Concat(result.Suppressed)
            .SelectMany(d => d.PerRule)
            .Where(d => d.Rule is not null)
            .Select(d => (d.Id, d.Entities))
            .DistinctBy(d => Identity(d.Id, d.Entities))
            .OrderBy(d => Identity(d.Id, d.Entities), StringComparer.Ordinal);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("version", 1);
        writer.WriteStartArray("violations");
        foreach (var (rule, entities) in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", rule);
            writer.WriteStartArray("entities");
            foreach (var entity in entities)
            {
                writer.WriteStringValue(entity);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Identity(string rule, IEnumerable<string> entities) => rule + "\u001f" + string.Join("\u001f", entities);
}
