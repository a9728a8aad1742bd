using System.Text.Json;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;

namespace ZonePolicy.Findings;

/// <summary>
/// Accepted violations, recorded by <see cref="ViolationIdentity"/> (never by line), so the file survives
/// reformatting of the topology: <c>{ "version": 1, "violations": [ { "rule": "...", "entities": [...] } ] }</c>.
/// </summary>
internal sealed class Baseline
{
    private readonly HashSet<ViolationIdentity> identities;

    private Baseline(HashSet<ViolationIdentity> identities) => this.identities = identities;

    public bool Contains(Diagnostic violation) => identities.Contains(ViolationIdentity.Of(violation));

    /// <summary>Reads a baseline file; a missing, unreadable or malformed file is a located diagnostic.</summary>
    public static Baseline? Read(string path, CheckInputs inputs, DiagnosticBag diagnostics) =>
        inputs.Read(path, path, InputKind.Baseline) is { } file ? Load(file, diagnostics) : null;

    private static Baseline? Load(InputFile file, DiagnosticBag diagnostics)
    {
        try
        {
            using var document = JsonDocument.Parse(file.Bytes);
            var set = new HashSet<ViolationIdentity>();
            foreach (var entry in document.RootElement.GetProperty("violations").EnumerateArray())
            {
                var rule = entry.GetProperty("rule").GetString() ?? "";
                set.Add(new ViolationIdentity(rule, entry.GetProperty("entities").EnumerateArray().Select(e => e.GetString() ?? "")));
            }

            return new Baseline(set);
        }
        catch (JsonException e)
        {
            var location = SourceLocation.At(file.DisplayPath, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            diagnostics.Add(DiagnosticDescriptors.BaselineNotJson, location);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidBaseline, SourceLocation.At(file.DisplayPath, 1, 1));
            return null;
        }
    }

    /// <summary>Writes the violations of a result (in force or suppressed) as a baseline, sorted, so the same result gives the same bytes.</summary>
    public static void Write(CheckResult result, Stream output)
    {
        var identities = result.Diagnostics.Concat(result.Suppressed)
            .SelectMany(d => d.PerRule)
            .Where(d => d.Rule is not null)
            .Select(ViolationIdentity.Of)
            .Distinct()
            .Order();
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        writer.WriteStartObject();
        writer.WriteNumber("version", 1);
        writer.WriteStartArray("violations");
        foreach (var identity in identities)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", identity.Rule);
            writer.WriteStartArray("entities");
            foreach (var entity in identity.Entities)
            {
                writer.WriteStringValue(entity);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
