using System.Text.Json;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Compliance;

/// <summary>
/// Reads a <c>catalogue.json</c> (schema/catalogue.schema.json says the same for editors): every mistake is a
/// ZP0340 at its line and column, and a catalogue with one is not used.
/// </summary>
internal sealed class CatalogueReader
{
    private static readonly string[] TopKeys = ["$schema", "title", "clauses"];
    private static readonly string[] ClauseKeys = ["id", "title", "section", "attestation", "notApplicable", "appliesWhen", "securityLevel"];
    private static readonly string[] ConditionKeys = ["constant", "otherwise"];
    private static readonly string[] LevelKeys = ["from", "fr"];

    private readonly JsonPositions positions;
    private readonly List<Diagnostic> diagnostics;
    private bool failed;

    private CatalogueReader(JsonPositions positions, List<Diagnostic> diagnostics)
    {
        this.positions = positions;
        this.diagnostics = diagnostics;
    }

    public static Catalogue? Parse(ReadOnlyMemory<byte> bytes, string display, List<Diagnostic> diagnostics)
    {
        var text = new SourceText(display, JsonScanner.WithoutBom(bytes));
        var syntax = new List<Diagnostic>();
        if (JsonScanner.Scan(text, syntax) is not { } positions)
        {
            diagnostics.AddRange(syntax.Select(d => Diagnostic.Create(DiagnosticDescriptors.InvalidCatalogue, d.Location, d.Message)));
            return null;
        }

        using var document = JsonDocument.Parse(text.Bytes, JsonScanner.DocumentOptions);
        var reader = new CatalogueReader(positions, diagnostics);
        var catalogue = reader.ReadCatalogue(document.RootElement, display);
        return reader.failed ? null : catalogue;
    }

    private Catalogue? ReadCatalogue(JsonElement root, string display)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Fail(JsonPositions.Root, DiagnosticDescriptors.CatalogueNotAnObject);
            return null;
        }

        string? title = null;
        var clauses = new List<CatalogueClause>();
        var seenClauses = new Dictionary<string, int>(StringComparer.Ordinal);
        var hasClauses = false;
        foreach (var (name, value, node) in Properties(root, JsonPositions.Root, TopKeys, "the catalogue"))
        {
            switch (name)
            {
                case "title":
                    title = Text(value, node, "title");
                    break;
                case "clauses" when value.ValueKind != JsonValueKind.Array:
                    Fail(node, DiagnosticDescriptors.CatalogueWrongType, "clauses", "an array of clauses");
                    break;
                case "clauses":
                    hasClauses = true;
                    var child = JsonPositions.FirstChild(node);
                    foreach (var element in value.EnumerateArray())
                    {
                        if (ReadClause(element, child) is { } clause)
                        {
                            if (seenClauses.TryGetValue(clause.Id, out var firstLine))
                            {
                                Fail(child, DiagnosticDescriptors.DuplicateClause, clause.Id, firstLine);
                            }
                            else
                            {
                                seenClauses.Add(clause.Id, clause.Location.Line);
                                clauses.Add(clause);
                            }
                        }

                        child = positions.NextSibling(child);
                    }

                    break;
            }
        }

        if (!hasClauses)
        {
            Fail(JsonPositions.Root, DiagnosticDescriptors.CatalogueMissingKey, "the catalogue", "clauses");
        }

        return new Catalogue(display, title, clauses);
    }

    private CatalogueClause? ReadClause(JsonElement element, int node)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Fail(node, DiagnosticDescriptors.CatalogueWrongType, "a clause", "an object");
            return null;
        }

        string? id = null, title = null, section = null, attestation = null, notApplicable = null;
        ClauseCondition? condition = null;
        LevelCondition? level = null;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value, child) in Properties(element, node, ClauseKeys, "a clause"))
        {
            present.Add(name);
            switch (name)
            {
                case "id": id = Text(value, child, name); break;
                case "title": title = Text(value, child, name); break;
                case "section": section = Text(value, child, name); break;
                case "attestation": attestation = Text(value, child, name); break;
                case "notApplicable": notApplicable = Text(value, child, name); break;
                case "appliesWhen": condition = ReadCondition(value, child); break;
                case "securityLevel": level = ReadLevel(value, child); break;
            }
        }

        var what = id is null ? "a clause" : $"clause `{id}`";
        foreach (var key in new[] { "id", "title" }.Where(k => !present.Contains(k)))
        {
            Fail(node, DiagnosticDescriptors.CatalogueMissingKey, what, key);
        }

        if (attestation is not null && notApplicable is not null)
        {
            Fail(node, DiagnosticDescriptors.ClauseBothAttestedAndNotApplicable, id ?? "?");
        }

        return id is null || title is null
            ? null
            : new CatalogueClause(id, title, section, positions.StartOf(node))
            {
                Attestation = attestation,
                NotApplicable = notApplicable,
                AppliesWhen = condition,
                FromLevel = level,
            };
    }

    private ClauseCondition? ReadCondition(JsonElement value, int node)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(node, DiagnosticDescriptors.CatalogueWrongType, "appliesWhen", "an object with `constant` and `otherwise`");
            return null;
        }

        string? constant = null, otherwise = null;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, field, child) in Properties(value, node, ConditionKeys, "`appliesWhen`"))
        {
            present.Add(name);
            if (name == "constant")
            {
                constant = Text(field, child, name);
            }
            else
            {
                otherwise = Text(field, child, name);
            }
        }

        foreach (var key in ConditionKeys.Where(k => !present.Contains(k)))
        {
            Fail(node, DiagnosticDescriptors.CatalogueMissingKey, "`appliesWhen`", key);
        }

        if (constant is null || otherwise is null)
        {
            return null;
        }

        return new ClauseCondition(constant, otherwise, positions.ValueSpan(node));
    }

    private LevelCondition? ReadLevel(JsonElement value, int node)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(node, DiagnosticDescriptors.CatalogueWrongType, "securityLevel", "an object with `from` and, optionally, `fr`");
            return null;
        }

        int? from = null;
        string? fr = null;
        var hasFrom = false;
        foreach (var (name, field, child) in Properties(value, node, LevelKeys, "`securityLevel`"))
        {
            hasFrom |= name == "from";
            if (name == "from")
            {
                if (field.ValueKind == JsonValueKind.Number && field.TryGetInt32(out var level) && level is >= 1 and <= 4)
                {
                    from = level;
                }
                else
                {
                    Fail(child, DiagnosticDescriptors.CatalogueWrongType, "from", "a security level from 1 to 4");
                }
            }
            else if (Text(field, child, name) is { } key)
            {
                if (FoundationalRequirements.IsKey(key))
                {
                    fr = key;
                }
                else
                {
                    Fail(child, DiagnosticDescriptors.CatalogueWrongType, "fr", $"a foundational requirement: {FoundationalRequirements.Listed}");
                }
            }
        }

        if (!hasFrom)
        {
            Fail(node, DiagnosticDescriptors.CatalogueMissingKey, "`securityLevel`", "from");
        }

        return from is null ? null : new LevelCondition(from.Value, fr);
    }

    /// <summary>The properties of an object with their value nodes; an unknown key or a repeated one is a mistake.</summary>
    private IEnumerable<(string Name, JsonElement Value, int Node)> Properties(JsonElement element, int node, string[] known, string owner)
    {
        var child = JsonPositions.FirstChild(node);
        var ordinal = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                Fail(positions.KeySpan(node, ordinal), DiagnosticDescriptors.UnknownCatalogueKey, property.Name, owner, NameSuggestions.DidYouMean(property.Name, known));
            }
            else if (!seen.Add(property.Name))
            {
                Fail(positions.KeySpan(node, ordinal), DiagnosticDescriptors.CatalogueWrongType, property.Name, "given once");
            }
            else
            {
                yield return (property.Name, property.Value, child);
            }

            child = positions.NextSibling(child);
            ordinal++;
        }
    }

    private string? Text(JsonElement value, int node, string name)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text && !text.Any(char.IsControl))
        {
            return text;
        }

        Fail(node, DiagnosticDescriptors.CatalogueWrongType, name, "a line of text");
        return null;
    }

    private void Fail(int node, DiagnosticDescriptor descriptor, params object?[] arguments) =>
        Fail(positions.ValueSpan(node), descriptor, arguments);

    private void Fail(SourceLocation location, DiagnosticDescriptor descriptor, params object?[] arguments)
    {
        failed = true;
        diagnostics.Add(Diagnostic.Create(descriptor, location, arguments));
    }
}
