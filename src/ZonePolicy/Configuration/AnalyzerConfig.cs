using System.Globalization;
using System.Text.RegularExpressions;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Configuration;

/// <summary>One <c>key = value</c> line of an analyzer config file: key and value as written, and where the value is.</summary>
internal sealed record AnalyzerConfigEntry(string Key, string Value, SourceLocation ValueLocation);

/// <summary>A <c>[section]</c> of an analyzer config file: its name as written, its glob, and its entries in file order.</summary>
internal sealed record AnalyzerConfigSection(string Name, SectionGlob? Glob, IReadOnlyList<AnalyzerConfigEntry> Entries);

/// <summary>
/// One <c>.editorconfig</c> or global analyzer config file (<c>.globalconfig</c>, or any file with
/// <c>is_global = true</c>), read as Roslyn's <c>AnalyzerConfig</c> reads it: lines are sections
/// (<c>[glob]</c>), properties (<c>key = value</c> or <c>key: value</c>) or comments (<c>#</c> or <c>;</c> first);
/// keys are case-insensitive; a comment cannot follow a value on its line; any other line is ignored.
/// </summary>
internal sealed partial class AnalyzerConfig
{
    private const string GlobalFileName = ".globalconfig";

    // A user's .globalconfig outranks a global config that comes with a package unless either sets global_level.
    private const int GlobalFileLevel = 100;

    private AnalyzerConfig(string path, IReadOnlyList<AnalyzerConfigEntry> preamble, IReadOnlyList<AnalyzerConfigSection> sections)
    {
        Path = path;
        Directory = System.IO.Path.GetDirectoryName(path) ?? path;
        Preamble = preamble;
        Sections = sections;
        var named = System.IO.Path.GetFileName(path).Equals(GlobalFileName, StringComparison.OrdinalIgnoreCase);
        IsGlobal = named || IsTrue(PreambleValue("is_global"));
        IsRoot = IsTrue(PreambleValue("root"));
        GlobalLevel = int.TryParse(PreambleValue("global_level"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var level)
            ? level
            : named ? GlobalFileLevel : 0;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The folder whose files an <c>.editorconfig</c>'s sections apply to.</summary>
    public string Directory { get; }

    /// <summary>Entries before the first section: <c>root</c>, <c>is_global</c>, <c>global_level</c>, and a global config's settings.</summary>
    public IReadOnlyList<AnalyzerConfigEntry> Preamble { get; }

    public IReadOnlyList<AnalyzerConfigSection> Sections { get; }

    /// <summary>True for <c>.globalconfig</c> and files with <c>is_global = true</c>: their preamble applies to every file.</summary>
    public bool IsGlobal { get; }

    /// <summary>True when <c>root = true</c>: no <c>.editorconfig</c> above this one applies to the files below it.</summary>
    public bool IsRoot { get; }

    /// <summary>Between global configs, the higher level wins a key both set.</summary>
    public int GlobalLevel { get; }

    /// <summary>Reads the text of the file at the full path <paramref name="path"/>; its entries are located at <paramref name="displayPath"/>.</summary>
    public static AnalyzerConfig Parse(string path, string displayPath, string text)
    {
        var preamble = new List<AnalyzerConfigEntry>();
        var sections = new List<AnalyzerConfigSection>();
        var entries = preamble;
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var content = line.ToString();
            var trimmed = content.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (SectionLine().Match(content) is { Success: true } section)
            {
                var name = section.Groups[1].Value;
                entries = [];
                sections.Add(new AnalyzerConfigSection(name, SectionGlob.TryParse(name), entries));
            }
            else if (PropertyLine().Match(content) is { Success: true } property)
            {
                var value = property.Groups[2];
                var location = new SourceLocation(displayPath, lineNumber, value.Index + 1, lineNumber, value.Index + value.Length + 1);
                entries.Add(new AnalyzerConfigEntry(property.Groups[1].Value, value.Value, location));
            }
        }

        return new AnalyzerConfig(path, preamble, sections);
    }

    private string? PreambleValue(string key) => Preamble.LastOrDefault(entry => entry.Key.Equals(key, StringComparison.OrdinalIgnoreCase))?.Value;

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    // The patterns of editorconfig-core and Roslyn: `[name]` with `#` and `;` only escaped, then an optional comment.
    [GeneratedRegex(@"^\s*\[((?:[^#;]|\\#|\\;)+)\]\s*(?:[#;].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"^\s*([\w\.\-]+)\s*[=:]\s*(.*?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyLine();
}
