using System.Globalization;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.MSBuild.Configuration;

/// <summary>
/// The <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> keys of one <c>.editorconfig</c> or global analyzer
/// config file, read with the rules Roslyn applies: a file named <c>.globalconfig</c> or with
/// <c>is_global = true</c> is global (its keys before any section apply to every file); otherwise
/// keys apply inside the sections whose glob matches a file.
/// </summary>
internal sealed class AnalyzerConfigFile
{
    private const string KeyPrefix = "dotnet_diagnostic.";
    private const string KeySuffix = ".severity";

    // Roslyn's default levels: a user's .globalconfig outranks one supplied by a package.
    private const int GlobalConfigFileLevel = 100;
    private const int OtherGlobalLevel = 0;

    private AnalyzerConfigFile(string path)
    {
        Path = path;
        Directory = System.IO.Path.GetDirectoryName(path) ?? "";
    }

    public string Path { get; }

    public string Directory { get; }

    public bool IsGlobal { get; private set; }

    public bool IsRoot { get; private set; }

    public int GlobalLevel { get; private set; }

    /// <summary>Settings before the first section; in force everywhere when the file is global.</summary>
    public IReadOnlyList<SeveritySetting> GlobalSettings => _preamble;

    public IReadOnlyList<AnalyzerConfigSection> Sections => _sections;

    private readonly List<SeveritySetting> _preamble = [];
    private readonly List<AnalyzerConfigSection> _sections = [];

    public static AnalyzerConfigFile Load(string path, List<Diagnostic> diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.AnalyzerConfigNotReadable, SourceLocation.InFile(path), exception.Message));
            text = "";
        }

        return Parse(path, text, diagnostics);
    }

    public static AnalyzerConfigFile Parse(string path, string text, List<Diagnostic> diagnostics)
    {
        var file = new AnalyzerConfigFile(path);
        var isGlobalName = System.IO.Path.GetFileName(path).Equals(".globalconfig", StringComparison.OrdinalIgnoreCase);
        int? level = null;
        var settings = file._preamble;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var content = line.Trim();
            if (content.Length == 0 || content[0] is '#' or ';')
            {
                continue;
            }

            if (content[0] == '[' && content.LastIndexOf(']') is var close and > 0)
            {
                var section = new AnalyzerConfigSection(EditorConfigGlob.Parse(content[1..close], file.Directory), []);
                file._sections.Add(section);
                settings = section.Settings;
                continue;
            }

            var equals = content.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = content[..equals].Trim();
            var value = content[(equals + 1)..].Trim();
            var inPreamble = ReferenceEquals(settings, file._preamble);
            if (inPreamble && key.Equals("is_global", StringComparison.OrdinalIgnoreCase))
            {
                file.IsGlobal = value.Equals("true", StringComparison.OrdinalIgnoreCase);
            }
            else if (inPreamble && key.Equals("root", StringComparison.OrdinalIgnoreCase))
            {
                file.IsRoot = value.Equals("true", StringComparison.OrdinalIgnoreCase);
            }
            else if (inPreamble && key.Equals("global_level", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsedLevel))
            {
                level = parsedLevel;
            }
            else if (TryReadSeverity(path, index + 1, line, key, value, diagnostics) is { } setting)
            {
                settings.Add(setting);
            }
        }

        file.IsGlobal |= isGlobalName;
        file.GlobalLevel = level ?? (isGlobalName ? GlobalConfigFileLevel : OtherGlobalLevel);
        return file;
    }

    private static SeveritySetting? TryReadSeverity(string path, int lineNumber, string line, string key, string value, List<Diagnostic> diagnostics)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.OrdinalIgnoreCase)
            || !key.EndsWith(KeySuffix, StringComparison.OrdinalIgnoreCase)
            || key.Length <= KeyPrefix.Length + KeySuffix.Length)
        {
            return null;
        }

        var id = key[KeyPrefix.Length..^KeySuffix.Length];
        var keyColumn = line.IndexOf(key, StringComparison.Ordinal) + 1;
        var location = new SourceLocation(path, lineNumber, keyColumn, lineNumber, line.TrimEnd().Length + 1);
        if (!SeverityText.TryParse(value, out var severity))
        {
            // A warning, not an error: the key may be meant for another analyzer that shares the file.
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidConfiguredSeverity, location, value, id) with { Severity = Severity.Warning });
            return null;
        }

        return severity is { } level ? new SeveritySetting(id, level, location) : null;
    }
}

/// <summary>A <c>[glob]</c> section of an <c>.editorconfig</c> file and the severities it sets.</summary>
internal sealed record AnalyzerConfigSection(EditorConfigGlob Glob, List<SeveritySetting> Settings);
