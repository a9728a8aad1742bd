using System.Text.Json;
using System.Text.RegularExpressions;
using NuGet.Versioning;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Topology;

namespace ZonePolicy.Packs;

/// <summary>
/// Reads and checks a <c>pack.json</c> (its schema is <c>schema/pack.schema.json</c>). Every problem is a
/// ZP0140 at the value it is about; a manifest with any problem is not used.
/// </summary>
internal static partial class PackManifestReader
{
    private static readonly string[] KnownProperties =
    [
        "$schema", "name", "version", "title", "description", "license", "authors", "standards", "minEngineVersion",
        "dependencies", "functions", "projectUrl", "tags",
    ];

    private static readonly string[] FunctionProperties = ["name", "script", "parameters", "returns", "description", "budgetMilliseconds"];

    /// <summary>
    /// Reads the manifest of the pack in <paramref name="folder"/> as every input is read (<see cref="InputReader"/>);
    /// <paramref name="displayFolder"/> prefixes its file in diagnostics.
    /// </summary>
    public static PackManifest? Read(string folder, string displayFolder, DiagnosticBag diagnostics)
    {
        var display = DisplayPath(displayFolder);
        var path = Path.GetFullPath(Path.Combine(folder, PackManifest.FileName));
        var read = InputReader.Read(path, display, InputKind.PackManifest, Path.GetDirectoryName(path)!);
        if (read.Problem is { } problem)
        {
            diagnostics.Add(problem);
            return null;
        }

        return Parse(read.File!.Bytes, display, diagnostics, read.File);
    }

    public static string DisplayPath(string displayFolder) =>
        (displayFolder is "" or "." ? PackManifest.FileName : Path.Join(displayFolder, PackManifest.FileName)).Replace('\\', '/');

    public static PackManifest? Parse(ReadOnlyMemory<byte> bytes, string display, DiagnosticBag diagnostics, InputFile? input = null)
    {
        var text = new SourceText(display, JsonScanner.WithoutBom(bytes));
        if (text.Bytes.Span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            diagnostics.Add(DiagnosticDescriptors.ManifestEmpty, SourceLocation.At(display, 1, 1));
            return null;
        }

        var scanned = new List<Diagnostic>();
        if (JsonScanner.Scan(text, scanned) is not { } positions)
        {
            // The JSON scanner speaks of topologies' invalid JSON; here the same problem is the manifest's.
            diagnostics.AddRange(scanned.Select(d => Diagnostic.Create(DiagnosticDescriptors.ManifestNotJson, d.Location, d.Message)));
            return null;
        }

        using var document = JsonDocument.Parse(text.Bytes, JsonScanner.DocumentOptions);
        var reader = new ManifestReading(display, input, diagnostics);
        return reader.Read(new PositionedJson(document.RootElement, JsonPositions.Root, positions));
    }

    /// <summary>Lowercase words of letters and digits, each starting with a letter, joined by <c>-</c> or <c>.</c>.</summary>
    public static bool IsValidName(string name) => name.Length <= 100 && NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9]*([.-][a-z][a-z0-9]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    /// <summary>One manifest being read: its problems go to the bag, and any problem makes the result null.</summary>
    private sealed class ManifestReading(string file, InputFile? input, DiagnosticBag diagnostics)
    {
        private bool failed;

        public PackManifest? Read(PositionedJson root)
        {
            if (root.Kind != JsonValueKind.Object)
            {
                Problem(root.Location, DiagnosticDescriptors.ManifestNotObject);
                return null;
            }

            var properties = Properties(root, KnownProperties, "the pack manifest");
            var name = Required(properties, "name", root, value => Name(value, "name"));
            var version = Required(properties, "version", root, value => Version(value, "version"));
            var title = Required(properties, "title", root, value => Text(value, "title", maxLength: 200));
            var description = Optional(properties, "description", value => Text(value, "description", maxLength: 4000, multiline: true));
            var license = Required(properties, "license", root, value => Text(value, "license", maxLength: 200));
            var authors = Required(properties, "authors", root, value => Texts(value, "authors", minItems: 1));
            var standards = Required(properties, "standards", root, Standards);
            var minEngine = Required(properties, "minEngineVersion", root, value => Version(value, "minEngineVersion"));
            var dependencies = Optional(properties, "dependencies", value => Dependencies(value, name));
            var functions = Optional(properties, "functions", Functions);
            var projectUrl = Optional(properties, "projectUrl", ProjectUrl);
            var tags = Optional(properties, "tags", value => Texts(value, "tags", minItems: 0));

            if (failed)
            {
                return null;
            }

            return new PackManifest
            {
                File = file,
                Input = input,
                Name = name!,
                Version = version!,
                Title = title!,
                Description = description,
                License = license!,
                Authors = authors!,
                Standards = standards!,
                MinEngineVersion = minEngine!,
                Dependencies = dependencies ?? [],
                Functions = functions ?? [],
                ProjectUrl = projectUrl,
                Tags = tags ?? [],
                Locations = properties.ToDictionary(p => p.Key, p => p.Value.Value.Location, StringComparer.Ordinal),
            };
        }

        /// <summary>An object's properties by name; an unknown or repeated one is a problem.</summary>
        private Dictionary<string, PositionedProperty> Properties(PositionedJson value, string[] known, string where)
        {
            var properties = new Dictionary<string, PositionedProperty>(StringComparer.Ordinal);
            foreach (var property in value.Properties())
            {
                if (!known.Contains(property.Name))
                {
                    Problem(property.KeyLocation, DiagnosticDescriptors.ManifestUnknownProperty, property.Name, where, NameSuggestions.DidYouMean(property.Name, known));
                }
                else if (!properties.TryAdd(property.Name, property))
                {
                    Problem(property.KeyLocation, DiagnosticDescriptors.ManifestPropertyTwice, property.Name);
                }
            }

            return properties;
        }

        private T? Required<T>(Dictionary<string, PositionedProperty> properties, string name, PositionedJson root, Func<PositionedJson, T?> read)
            where T : class
        {
            if (properties.TryGetValue(name, out var property))
            {
                return read(property.Value);
            }

            Problem(root.Location, DiagnosticDescriptors.ManifestMissingProperty, name);
            return null;
        }

        private static T? Optional<T>(Dictionary<string, PositionedProperty> properties, string name, Func<PositionedJson, T?> read)
            where T : class =>
            properties.TryGetValue(name, out var property) ? read(property.Value) : null;

        private string? String(PositionedJson value, string what)
        {
            if (value.Kind == JsonValueKind.String)
            {
                return value.Element.GetString()!;
            }

            Problem(value.Location, DiagnosticDescriptors.ManifestNotString, what);
            return null;
        }

        private string? Text(PositionedJson value, string what, int maxLength, bool multiline = false)
        {
            if (String(value, what) is not { } text)
            {
                return null;
            }

            if (text.Trim().Length == 0)
            {
                Problem(value.Location, DiagnosticDescriptors.ManifestEmptyText, what);
                return null;
            }

            if (text.Length > maxLength)
            {
                Problem(value.Location, DiagnosticDescriptors.ManifestTextTooLong, what, maxLength);
                return null;
            }

            if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t') || IsBidirectionalControl(c)))
            {
                Problem(value.Location, DiagnosticDescriptors.ManifestControlCharacter, what);
                return null;
            }

            return text;
        }

        private static bool IsBidirectionalControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';

        private IReadOnlyList<string>? Texts(PositionedJson value, string what, int minItems)
        {
            if (value.Kind != JsonValueKind.Array)
            {
                Problem(value.Location, DiagnosticDescriptors.ManifestNotStringArray, what);
                return null;
            }

            var items = value.Items().Select((item, index) => Text(item, $"{what}[{index}]", maxLength: 200)).ToList();
            if (items.Count < minItems)
            {
                Problem(value.Location, DiagnosticDescriptors.ManifestNeedsEntry, what);
                return null;
            }

            return items.Any(i => i is null) ? null : items.OfType<string>().ToList();
        }

        private string? Name(PositionedJson value, string what)
        {
            if (String(value, what) is not { } name)
            {
                return null;
            }

            if (!IsValidName(name))
            {
                Problem(value.Location, DiagnosticDescriptors.InvalidPackName, name);
                return null;
            }

            return name;
        }

        private NuGetVersion? Version(PositionedJson value, string what)
        {
            if (String(value, what) is not { } text)
            {
                return null;
            }

            if (NuGetVersion.TryParseStrict(text, out var version))
            {
                return version;
            }

            Problem(value.Location, DiagnosticDescriptors.InvalidSemVer, what, text);
            return null;
        }

        private IReadOnlyList<PackStandard>? Standards(PositionedJson value)
        {
            if (value.Kind != JsonValueKind.Array || value.Element.GetArrayLength() == 0)
            {
                Problem(value.Location, DiagnosticDescriptors.StandardsShape);
                return null;
            }

            var standards = new List<PackStandard>();
            var index = -1;
            foreach (var item in value.Items())
            {
                index++;
                if (item.Kind != JsonValueKind.Object)
                {
                    Problem(item.Location, DiagnosticDescriptors.StandardShape);
                    continue;
                }

                string? name = null, title = null, url = null;
                foreach (var property in item.Properties())
                {
                    switch (property.Name)
                    {
                        case "name": name = Text(property.Value, $"standards[{index}].name", 200); break;
                        case "title": title = Text(property.Value, $"standards[{index}].title", 400); break;
                        case "url": url = Url(property.Value, $"standards[{index}].url"); break;
                        default:
                            Problem(property.KeyLocation, DiagnosticDescriptors.ManifestUnknownProperty, property.Name, "a `standards` entry", NameSuggestions.DidYouMean(property.Name, ["name", "title", "url"]));
                            break;
                    }
                }

                if (name is null)
                {
                    Problem(item.Location, DiagnosticDescriptors.StandardNeedsName);
                    continue;
                }

                standards.Add(new PackStandard(name, title, url));
            }

            return standards;
        }

        private string? ProjectUrl(PositionedJson value) => Url(value, "projectUrl");

        private string? Url(PositionedJson value, string what)
        {
            if (Text(value, what, 2000) is not { } text)
            {
                return null;
            }

            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            {
                return text;
            }

            Problem(value.Location, DiagnosticDescriptors.InvalidManifestUrl, what, text);
            return null;
        }

        private IReadOnlyList<PackDependency>? Dependencies(PositionedJson value, string? self)
        {
            if (value.Kind != JsonValueKind.Object)
            {
                Problem(value.Location, DiagnosticDescriptors.DependenciesShape);
                return null;
            }

            var dependencies = new List<PackDependency>();
            foreach (var property in value.Properties())
            {
                if (!IsValidName(property.Name))
                {
                    Problem(property.KeyLocation, DiagnosticDescriptors.InvalidPackName, property.Name);
                    continue;
                }

                if (property.Name == self)
                {
                    Problem(property.KeyLocation, DiagnosticDescriptors.SelfDependency, self);
                    continue;
                }

                if (String(property.Value, $"dependencies.{property.Name}") is not { } text)
                {
                    continue;
                }

                if (!VersionRange.TryParse(text, allowFloating: false, out var range) || range.IsFloating)
                {
                    Problem(property.Value.Location, DiagnosticDescriptors.InvalidDependencyRange, text);
                    continue;
                }

                if (dependencies.Exists(d => d.Name == property.Name))
                {
                    Problem(property.KeyLocation, DiagnosticDescriptors.DependencyTwice, property.Name);
                    continue;
                }

                dependencies.Add(new PackDependency(property.Name, range, property.KeyLocation));
            }

            return dependencies;
        }

        private IReadOnlyList<ScriptFunctionDeclaration>? Functions(PositionedJson value)
        {
            if (value.Kind != JsonValueKind.Array)
            {
                Problem(value.Location, DiagnosticDescriptors.FunctionsShape);
                return null;
            }

            var functions = new List<ScriptFunctionDeclaration>();
            foreach (var item in value.Items())
            {
                if (Function(item) is { } function)
                {
                    if (functions.Exists(f => f.Name == function.Name))
                    {
                        Problem(function.Location, DiagnosticDescriptors.FunctionTwice, function.Name);
                        continue;
                    }

                    functions.Add(function);
                }
            }

            return functions;
        }

        private ScriptFunctionDeclaration? Function(PositionedJson item)
        {
            if (item.Kind != JsonValueKind.Object)
            {
                Problem(item.Location, DiagnosticDescriptors.FunctionShape);
                return null;
            }

            var properties = Properties(item, FunctionProperties, "a function declaration");
            var name = Required(properties, "name", item, value => Identifier(value, "function `name`"));
            var script = Required(properties, "script", item, ScriptPath);
            var parameters = Required(properties, "parameters", item, Parameters);
            var returns = Required(properties, "returns", item, value => Type(value, "returns"));
            Optional(properties, "description", value => Text(value, "description", 2000));
            var budget = ScriptFunctionDeclaration.DefaultBudget;
            if (properties.TryGetValue("budgetMilliseconds", out var given))
            {
                budget = Budget(given.Value) ?? budget;
            }

            if (name is null || script is null || parameters is null || returns is null)
            {
                return null;
            }

            var location = properties["name"].Value.Location;
            return new ScriptFunctionDeclaration(name, parameters, returns, script, budget, location, properties["script"].Value.Location);
        }

        private TimeSpan? Budget(PositionedJson value)
        {
            var max = (long)ScriptFunctionDeclaration.MaxBudget.TotalMilliseconds;
            if (value.Kind == JsonValueKind.Number && value.Element.TryGetInt64(out var milliseconds) && milliseconds >= 1 && milliseconds <= max)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }

            Problem(value.Location, DiagnosticDescriptors.InvalidFunctionBudget, max);
            return null;
        }

        private string? Identifier(PositionedJson value, string what)
        {
            if (String(value, what) is not { } name)
            {
                return null;
            }

            if (!IdentifierPattern().IsMatch(name) || name.Length > 100)
            {
                Problem(value.Location, DiagnosticDescriptors.InvalidFunctionName, name);
                return null;
            }

            return name;
        }

        private string? ScriptPath(PositionedJson value)
        {
            if (String(value, "script") is not { } path)
            {
                return null;
            }

            var segments = path.Split('/');
            if (!path.EndsWith(".csx", StringComparison.Ordinal) || path.Contains('\\') || path.StartsWith('/')
                || segments.Any(s => s is "" or "." or ".." || s.Contains(':')) || path.Any(char.IsControl))
            {
                Problem(value.Location, DiagnosticDescriptors.InvalidScriptPath, path);
                return null;
            }

            return path;
        }

        private IReadOnlyList<ScriptParameter>? Parameters(PositionedJson value)
        {
            if (value.Kind != JsonValueKind.Array)
            {
                Problem(value.Location, DiagnosticDescriptors.ParametersShape);
                return null;
            }

            var parameters = new List<ScriptParameter>();
            var ok = true;
            foreach (var item in value.Items())
            {
                if (item.Kind != JsonValueKind.Object)
                {
                    Problem(item.Location, DiagnosticDescriptors.ParameterShape);
                    ok = false;
                    continue;
                }

                string? name = null;
                ScriptValueType? type = null;
                foreach (var property in item.Properties())
                {
                    switch (property.Name)
                    {
                        case "name": name = Identifier(property.Value, "parameter `name`"); break;
                        case "type": type = Type(property.Value, "type"); break;
                        default:
                            Problem(property.KeyLocation, DiagnosticDescriptors.ManifestUnknownProperty, property.Name, "a parameter", NameSuggestions.DidYouMean(property.Name, ["name", "type"]));
                            break;
                    }
                }

                if (name is null || type is null)
                {
                    if (name is null && type is not null || name is not null && type is null)
                    {
                        Problem(item.Location, DiagnosticDescriptors.ParameterNeedsNameAndType);
                    }

                    ok = false;
                    continue;
                }

                if (parameters.Exists(p => p.Name == name))
                {
                    Problem(item.Location, DiagnosticDescriptors.ParameterTwice, name);
                    ok = false;
                    continue;
                }

                parameters.Add(new ScriptParameter(name, type));
            }

            return ok ? parameters : null;
        }

        private ScriptValueType? Type(PositionedJson value, string what)
        {
            if (String(value, what) is not { } text)
            {
                return null;
            }

            if (ScriptValueType.Parse(text) is { } type)
            {
                return type;
            }

            var names = string.Join(", ", ScriptValueType.ScalarNames.Select(n => $"`{n}`"));
            Problem(value.Location, DiagnosticDescriptors.InvalidScriptType, text, names);
            return null;
        }

        private void Problem(SourceLocation location, DiagnosticDescriptor descriptor, params ReadOnlySpan<object?> arguments)
        {
            failed = true;
            diagnostics.Add(descriptor, location, arguments);
        }
    }
}
