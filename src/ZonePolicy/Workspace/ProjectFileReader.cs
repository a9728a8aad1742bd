using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.FileSystemGlobbing;
using ZonePolicy.Configuration;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Syntax;
using ZonePolicy.Topology;

namespace ZonePolicy.Workspace;

/// <summary>
/// Reads <c>zonepolicy.json</c>: checks it is a JSON object of known settings (ZP0380, ZP0381), reads each
/// value (ZP0382) and resolves its paths and wildcards against the file's folder (ZP0383).
/// </summary>
internal sealed class ProjectFileReader
{
    /// <summary>The keys a project file may have; <c>schema/zonepolicy.schema.json</c> lists the same.</summary>
    public static readonly string[] Keys =
        ["$schema", "topologies", "rules", "packs", "parameters", "severities", "today", "baseline", "warningsAsErrors"];

    private readonly string fullPath;
    private readonly string folder;
    private readonly List<Diagnostic> diagnostics = [];
    private JsonPositions positions = null!;

    private ProjectFileReader(string fullPath)
    {
        this.fullPath = fullPath;
        folder = Path.GetDirectoryName(fullPath)!;
    }

    /// <summary>
    /// Reads the project file through <see cref="InputReader"/> (a folder, a device, a pipe or a file over its limit is
    /// refused as any input is), or takes <paramref name="text"/> for it (an editor's unsaved buffer).
    /// </summary>
    public static ProjectFile Read(string fullPath, string displayPath, string? text)
    {
        var reader = new ProjectFileReader(fullPath);
        var read = text is null
            ? InputReader.Read(fullPath, displayPath, InputKind.ProjectFile, Path.GetDirectoryName(fullPath)!)
            : InputReader.FromText(fullPath, displayPath, InputKind.ProjectFile, text);
        if (read.Problem is { } problem)
        {
            return new ProjectFile { FilePath = fullPath, DisplayPath = displayPath, Diagnostics = [problem] };
        }

        return reader.Parse(new SourceText(displayPath, JsonScanner.WithoutBom(read.File!.Bytes)));
    }

    private ProjectFile Parse(SourceText text)
    {
        var scanned = new List<Diagnostic>();
        if (JsonScanner.Scan(text, scanned) is not { } scannedPositions)
        {
            diagnostics.AddRange(scanned.Select(d => Diagnostic.Create(DiagnosticDescriptors.InvalidProjectFile, d.Location, d.Message)));
            return new ProjectFile { FilePath = fullPath, DisplayPath = text.File, Diagnostics = diagnostics };
        }

        positions = scannedPositions;
        using var document = JsonDocument.Parse(text.Bytes, JsonScanner.DocumentOptions);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            Add(DiagnosticDescriptors.ProjectFileNotObject, positions.ValueSpan(JsonPositions.Root), Describe(root));
            return new ProjectFile { FilePath = fullPath, DisplayPath = text.File, Diagnostics = diagnostics };
        }

        var settings = new Settings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordinal = 0;
        var node = JsonPositions.FirstChild(JsonPositions.Root);
        foreach (var property in root.EnumerateObject())
        {
            var key = new Located(property.Value, node, positions.ValueSpan(node), positions.KeySpan(JsonPositions.Root, ordinal));
            if (!seen.Add(property.Name))
            {
                Add(DiagnosticDescriptors.ProjectSettingTwice, key.Key, property.Name);
            }
            else
            {
                ReadSetting(property.Name, key, settings);
            }

            node = positions.NextSibling(node);
            ordinal++;
        }

        return new ProjectFile
        {
            FilePath = fullPath,
            DisplayPath = text.File,
            Topologies = settings.Topologies,
            RuleSources = settings.Rules,
            Packs = settings.Packs,
            Parameters = settings.Parameters,
            Severities = settings.Severities,
            Today = settings.Today,
            Baseline = settings.Baseline,
            WarningsAsErrors = settings.WarningsAsErrors,
            Diagnostics = DiagnosticOrder.Sort(diagnostics),
        };
    }

    private void ReadSetting(string name, Located value, Settings settings)
    {
        switch (name)
        {
            case "$schema":
                _ = String(value, "`$schema` is the address of the project file's schema");
                break;
            case "topologies":
                foreach (var item in Strings(value, "`topologies` is a list of topology files or wildcards"))
                {
                    settings.Topologies.AddRange(Expand(item, isRules: false));
                }

                break;
            case "rules":
                foreach (var item in Strings(value, "`rules` is a list of rule files, folders or wildcards"))
                {
                    settings.Rules.AddRange(Expand(item, isRules: true));
                }

                break;
            case "packs":
                settings.Packs.AddRange(Strings(value, "`packs` is a list of rule pack names").Select(p => p.Text));
                break;
            case "parameters":
                foreach (var (parameter, entry) in Entries(value, "`parameters` is an object of parameter names and values"))
                {
                    if (Literal(entry, parameter) is { } literal)
                    {
                        settings.Parameters.Add(new(parameter, literal));
                    }
                }

                break;
            case "severities":
                // The engine reads the level, as it reads one from the command line or a config file.
                foreach (var (id, entry) in Entries(value, "`severities` is an object of rule or diagnostic ids and levels"))
                {
                    if (String(entry, $"the severity of `{id}` is a level ({SeverityLevel.Expected})") is { } level)
                    {
                        settings.Severities.Add(new SeveritySetting(id, level, Spanning(entry.Key, entry.Span)));
                    }
                }

                break;
            case "today":
                if (String(value, "`today` is a date, as \"2026-11-25\"") is { } today)
                {
                    if (DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        settings.Today = date;
                    }
                    else
                    {
                        Add(DiagnosticDescriptors.ProjectTodayInvalid, value.Span, today);
                    }
                }

                break;
            case "baseline":
                if (String(value, "`baseline` is the path of a baseline file") is { } baseline)
                {
                    settings.Baseline = Path.GetFullPath(Path.Combine(folder, baseline));
                }

                break;
            case "warningsAsErrors":
                if (value.Element.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    settings.WarningsAsErrors = value.Element.GetBoolean();
                }
                else
                {
                    Add(DiagnosticDescriptors.InvalidProjectSetting, value.Span, "`warningsAsErrors` is `true` or `false`", Describe(value.Element));
                }

                break;
            default:
                Add(DiagnosticDescriptors.UnknownProjectSetting, value.Key, name, string.Join(", ", Keys.Skip(1).Select(k => $"`{k}`")), NameSuggestions.DidYouMean(name, Keys));
                break;
        }
    }

    /// <summary>The files a path or wildcard names, relative to the project folder, in ordinal order.</summary>
    private IEnumerable<string> Expand(LocatedString entry, bool isRules)
    {
        var what = isRules ? "rule file or folder" : "topology file";
        var normalized = entry.Text.Replace('\\', '/');
        if (normalized.IndexOfAny(['*', '?']) < 0)
        {
            var path = Path.GetFullPath(Path.Combine(folder, normalized));
            if (File.Exists(path) || (isRules && Directory.Exists(path)))
            {
                return [path];
            }

            if (!isRules && Directory.Exists(path))
            {
                return Matching(path, "**/*.topology.json", entry, what);
            }

            Add(DiagnosticDescriptors.ProjectPathNotFound, entry.Span, what, entry.Text);
            return [];
        }

        return Matching(folder, normalized, entry, what);
    }

    private List<string> Matching(string baseFolder, string pattern, LocatedString entry, string what)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        var found = matcher.GetResultsInFullPath(baseFolder).Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
        if (found.Count == 0)
        {
            Add(DiagnosticDescriptors.ProjectPatternMatchesNothing, entry.Span, what, entry.Text);
        }

        return found;
    }

    /// <summary>A parameter's JSON value as a literal of the rule language, or null after reporting why it cannot be one.</summary>
    private string? Literal(Located value, string parameter)
    {
        var element = value.Element;
        switch (element.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                return element.GetBoolean() ? "true" : "false";
            case JsonValueKind.Number:
                var number = element.GetRawText();
                if (RuleParser.TryParseLiteral(number, out var parsed) && parsed is long or decimal)
                {
                    return number;
                }

                Add(DiagnosticDescriptors.ProjectParameterInvalid, value.Span, parameter, $"`{number}` is not a number of the rule language (digits, an optional fraction, no exponent)");
                return null;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (text.StartsWith('@'))
                {
                    if (RuleParser.TryParseLiteral(text, out var date) && date is DateOnly)
                    {
                        return text;
                    }

                    Add(DiagnosticDescriptors.ProjectParameterInvalid, value.Span, parameter, $"`{text}` is not a date; write a date as \"@yyyy-MM-dd\"");
                    return null;
                }

                if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\t')))
                {
                    Add(DiagnosticDescriptors.ProjectParameterInvalid, value.Span, parameter, "a text value may not contain control characters");
                    return null;
                }

                return Quote(text);
            case JsonValueKind.Array:
                var items = new List<string>();
                var child = JsonPositions.FirstChild(value.Node);
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Array)
                    {
                        Add(DiagnosticDescriptors.ProjectParameterInvalid, positions.ValueSpan(child), parameter, "a list holds numbers, texts, dates or booleans, not lists");
                        return null;
                    }

                    if (Literal(new Located(item, child, positions.ValueSpan(child)), parameter) is not { } literal)
                    {
                        return null;
                    }

                    items.Add(literal);
                    child = positions.NextSibling(child);
                }

                return $"[{string.Join(", ", items)}]";
            default:
                Add(DiagnosticDescriptors.ProjectParameterInvalid, value.Span, parameter, $"needs a number, a text, a date (\"@yyyy-MM-dd\"), a boolean or a list of them, found {Describe(element)}");
                return null;
        }
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private string? String(Located value, string expectation)
    {
        if (value.Element.ValueKind == JsonValueKind.String && value.Element.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        Add(DiagnosticDescriptors.InvalidProjectSetting, value.Span, expectation, Describe(value.Element));
        return null;
    }

    private List<LocatedString> Strings(Located value, string expectation)
    {
        if (value.Element.ValueKind != JsonValueKind.Array)
        {
            Add(DiagnosticDescriptors.InvalidProjectSetting, value.Span, expectation, Describe(value.Element));
            return [];
        }

        var strings = new List<LocatedString>();
        var child = JsonPositions.FirstChild(value.Node);
        foreach (var item in value.Element.EnumerateArray())
        {
            var located = new Located(item, child, positions.ValueSpan(child));
            if (String(located, expectation) is { } text)
            {
                strings.Add(new LocatedString(text, located.Span));
            }

            child = positions.NextSibling(child);
        }

        return strings;
    }

    private List<(string Name, Located Value)> Entries(Located value, string expectation)
    {
        if (value.Element.ValueKind != JsonValueKind.Object)
        {
            Add(DiagnosticDescriptors.InvalidProjectSetting, value.Span, expectation, Describe(value.Element));
            return [];
        }

        var entries = new List<(string, Located)>();
        var child = JsonPositions.FirstChild(value.Node);
        var ordinal = 0;
        foreach (var property in value.Element.EnumerateObject())
        {
            var key = positions.KeySpan(value.Node, ordinal++);
            if (property.Name.Length == 0)
            {
                Add(DiagnosticDescriptors.ProjectSettingNameEmpty, key);
            }
            else
            {
                entries.Add((property.Name, new Located(property.Value, child, positions.ValueSpan(child), key)));
            }

            child = positions.NextSibling(child);
        }

        return entries;
    }

    /// <summary>From the start of <paramref name="first"/> to the end of <paramref name="last"/>: a key and its value.</summary>
    private static SourceLocation Spanning(SourceLocation first, SourceLocation last) =>
        new(first.File, first.Line, first.Column, last.EndLine, last.EndColumn);

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => element.GetString()!.Length == 0 ? "an empty text" : "a text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "`null`",
    };


    private void Add(DiagnosticDescriptor descriptor, SourceLocation location, params ReadOnlySpan<object?> arguments) =>
        diagnostics.Add(Diagnostic.Create(descriptor, location, arguments));

    /// <summary>A JSON value with its node in <see cref="JsonPositions"/>, its span, and its key's span when it has one.</summary>
    private readonly record struct Located(JsonElement Element, int Node, SourceLocation Span, SourceLocation Key = default);

    private readonly record struct LocatedString(string Text, SourceLocation Span);

    private sealed class Settings
    {
        public List<string> Topologies { get; } = [];

        public List<string> Rules { get; } = [];

        public List<string> Packs { get; } = [];

        public List<KeyValuePair<string, string>> Parameters { get; } = [];

        public List<SeveritySetting> Severities { get; } = [];

        public DateOnly? Today { get; set; }

        public string? Baseline { get; set; }

        public bool WarningsAsErrors { get; set; }
    }
}
