using System.Text.RegularExpressions;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Cli;

/// <summary>
/// The severity overrides of a check, one per id. Where several sources set an id, the first in this
/// list wins:
/// <list type="number">
/// <item><c>--severity ID=level</c> on the command line (of several for one id, the last);</item>
/// <item><c>dotnet_diagnostic.ID.severity</c> in the <c>[*]</c>, <c>[*.json]</c> and <c>[*.zpol]</c> sections of
/// <c>.editorconfig</c> files found walking up from the working directory, stopping after one with
/// <c>root = true</c>: the nearest file first, and within a file the last line;</item>
/// <item><c>dotnet_diagnostic.ID.severity</c> before the first section of <c>.globalconfig</c> files found walking
/// up from the working directory: the nearest file first;</item>
/// <item>the rule's own <c>severity</c> (for an engine id, its default in <see cref="DiagnosticDescriptors"/>).</item>
/// </list>
/// A config file's level <c>default</c> undoes, for that id, what the sources below it set. After all
/// of these, <c>--warnaserror</c> turns every warning left into an error.
/// </summary>
internal sealed partial record SeverityConfiguration(IReadOnlyList<KeyValuePair<string, Severity>> Overrides, IReadOnlyList<Diagnostic> Diagnostics)
{
    private static readonly HashSet<string> EditorConfigSections = new(["*", "*.json", "*.zpol"], StringComparer.Ordinal);

    public static SeverityConfiguration Resolve(string workingDirectory, IEnumerable<KeyValuePair<string, Severity>> commandLine)
    {
        var levels = new Dictionary<string, Severity>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        var (editorConfigs, globalConfigs) = Discover(workingDirectory);

        foreach (var file in Enumerable.Reverse(globalConfigs))
        {
            Apply(file, section => section is null, workingDirectory, levels, diagnostics);
        }

        foreach (var file in Enumerable.Reverse(editorConfigs))
        {
            Apply(file, section => section is not null && EditorConfigSections.Contains(section), workingDirectory, levels, diagnostics);
        }

        foreach (var (id, severity) in commandLine)
        {
            levels[id] = severity;
        }

        var overrides = levels.OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        return new SeverityConfiguration(overrides, diagnostics);
    }

    /// <summary>The config files from the working directory up, nearest first.</summary>
    private static (List<AnalyzerConfigFile> EditorConfigs, List<AnalyzerConfigFile> GlobalConfigs) Discover(string workingDirectory)
    {
        var editorConfigs = new List<AnalyzerConfigFile>();
        var globalConfigs = new List<AnalyzerConfigFile>();
        var searchEditorConfigs = true;
        for (var folder = new DirectoryInfo(workingDirectory); folder is not null; folder = folder.Parent)
        {
            if (AnalyzerConfigFile.TryRead(Path.Combine(folder.FullName, ".globalconfig")) is { } globalConfig)
            {
                globalConfigs.Add(globalConfig);
            }

            if (searchEditorConfigs && AnalyzerConfigFile.TryRead(Path.Combine(folder.FullName, ".editorconfig")) is { } editorConfig)
            {
                editorConfigs.Add(editorConfig);
                searchEditorConfigs = !editorConfig.IsRoot;
            }
        }

        return (editorConfigs, globalConfigs);
    }

    private static void Apply(
        AnalyzerConfigFile file,
        Func<string?, bool> inScope,
        string workingDirectory,
        Dictionary<string, Severity> levels,
        List<Diagnostic> diagnostics)
    {
        foreach (var entry in file.Entries.Where(e => inScope(e.Section)))
        {
            if (SeverityKey().Match(entry.Key) is not { Success: true } key)
            {
                continue;
            }

            var id = key.Groups[1].Value;
            if (entry.Value.Equals("default", StringComparison.OrdinalIgnoreCase))
            {
                levels.Remove(id);
            }
            else if (SeverityNames.TryParse(entry.Value, out var severity))
            {
                levels[id] = severity;
            }
            else
            {
                var location = new SourceLocation(
                    Path.GetRelativePath(workingDirectory, file.Path),
                    entry.Line,
                    entry.ValueColumn,
                    entry.Line,
                    entry.ValueColumn + entry.Value.Length);
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.NotASeverity, location, entry.Value, id));
            }
        }
    }

    [GeneratedRegex(@"^dotnet_diagnostic\.(.+)\.severity$", RegexOptions.IgnoreCase)]
    private static partial Regex SeverityKey();
}
