using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;

namespace ZonePolicy.Configuration;

/// <summary>
/// The analyzer config files of a check and the <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> settings they give
/// each file, as Roslyn's <c>AnalyzerConfigSet.GetOptionsForSourcePath</c> computes them:
/// <list type="bullet">
/// <item>an <c>.editorconfig</c> applies to the files below its folder through the sections whose glob matches
/// the file's path relative to that folder; the nearest file wins, within a file the last matching section;
/// a file with <c>root = true</c> hides those above it;</item>
/// <item>a global config (<c>.globalconfig</c>, or <c>is_global = true</c>) applies its settings before any section
/// to every file, and a section named by a file's full path to that file; of two global configs setting an id,
/// the higher <c>global_level</c> wins, and at the same level neither does (ZP0321);</item>
/// <item>an <c>.editorconfig</c> setting beats a global config's.</item>
/// </list>
/// Ids match without regard to case. Levels are kept as written: <see cref="Findings.SeverityPolicy"/> reads them.
/// </summary>
internal sealed class AnalyzerConfigSet
{
    private const string KeyPrefix = "dotnet_diagnostic.";
    private const string KeySuffix = ".severity";

    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly List<AnalyzerConfig> editorConfigs;
    private readonly List<AnalyzerConfig> globalConfigs;
    private readonly Dictionary<string, SeveritySetting> globalSettings;
    private readonly Dictionary<string, IReadOnlyDictionary<string, SeveritySetting>> byPath = new(StringComparer.Ordinal);

    private AnalyzerConfigSet(List<AnalyzerConfig> editorConfigs, List<AnalyzerConfig> globalConfigs, Dictionary<string, SeveritySetting> globalSettings)
    {
        this.editorConfigs = editorConfigs;
        this.globalConfigs = globalConfigs;
        this.globalSettings = globalSettings;
    }

    /// <summary>Every severity setting of every file, in file order: what is checked for valid levels.</summary>
    public IEnumerable<SeveritySetting> AllSettings =>
        editorConfigs.Concat(globalConfigs).SelectMany(config => config.Preamble.Concat(config.Sections.SelectMany(s => s.Entries))).Select(ToSetting).OfType<SeveritySetting>();

    /// <summary>Reads and parses the files (each once); one that cannot be read is reported and left out.</summary>
    public static AnalyzerConfigSet Read(IEnumerable<string> paths, CheckInputs inputs, DiagnosticBag diagnostics)
    {
        var configs = paths.Distinct(StringComparer.Ordinal)
            .Select(path => inputs.Read(path, path, InputKind.AnalyzerConfig))
            .OfType<InputFile>()
            .Select(file => AnalyzerConfig.Parse(file.FullPath, file.DisplayPath, file.Text));
        return Create(configs, diagnostics);
    }

    public static AnalyzerConfigSet Create(IEnumerable<AnalyzerConfig> configs, DiagnosticBag diagnostics)
    {
        var all = configs.ToList();
        var editorConfigs = all.Where(config => !config.IsGlobal).OrderBy(config => config.Directory.Length).ToList();
        var globalConfigs = all.Where(config => config.IsGlobal).ToList();
        return new AnalyzerConfigSet(editorConfigs, globalConfigs, MergeGlobals(globalConfigs.Select(config => (config, config.Preamble)), diagnostics));
    }

    /// <summary>The settings in force for a file (by id, case-insensitive); a file of null is one that is not a file, such as the command line.</summary>
    public IReadOnlyDictionary<string, SeveritySetting> For(string? fullPath)
    {
        if (fullPath is null)
        {
            return globalSettings;
        }

        if (byPath.TryGetValue(fullPath, out var cached))
        {
            return cached;
        }

        var settings = new Dictionary<string, SeveritySetting>(globalSettings, StringComparer.OrdinalIgnoreCase);
        var fileSections = MergeGlobals(
            globalConfigs.Select(config => (config, (IReadOnlyList<AnalyzerConfigEntry>)[.. config.Sections.Where(s => NamesFile(s, fullPath)).SelectMany(s => s.Entries)])),
            new DiagnosticBag());
        Overlay(settings, fileSections.Values);

        var fromEditorConfigs = new Dictionary<string, SeveritySetting>(StringComparer.OrdinalIgnoreCase);
        foreach (var config in editorConfigs)
        {
            if (RelativePath(config.Directory, fullPath) is not { } relative)
            {
                continue;
            }

            if (config.IsRoot)
            {
                fromEditorConfigs.Clear();
            }

            var matching = config.Sections.Where(section => section.Glob?.IsMatch(relative) == true);
            Overlay(fromEditorConfigs, matching.SelectMany(section => section.Entries).Select(ToSetting).OfType<SeveritySetting>());
        }

        Overlay(settings, fromEditorConfigs.Values);
        byPath[fullPath] = settings;
        return settings;
    }

    /// <summary>The setting an entry makes, or null when its key is not <c>dotnet_diagnostic.&lt;ID&gt;.severity</c>.</summary>
    private static SeveritySetting? ToSetting(AnalyzerConfigEntry entry) =>
        entry.Key.Length > KeyPrefix.Length + KeySuffix.Length
        && entry.Key.StartsWith(KeyPrefix, StringComparison.OrdinalIgnoreCase)
        && entry.Key.EndsWith(KeySuffix, StringComparison.OrdinalIgnoreCase)
            ? new SeveritySetting(entry.Key[KeyPrefix.Length..^KeySuffix.Length], entry.Value, entry.ValueLocation)
            : null;

    /// <summary>
    /// Global settings by id: within a file the last line wins; between files the higher level; two files at
    /// the same level cancel each other out, with a warning, as Roslyn's global config merge does.
    /// </summary>
    private static Dictionary<string, SeveritySetting> MergeGlobals(IEnumerable<(AnalyzerConfig Config, IReadOnlyList<AnalyzerConfigEntry> Entries)> sources, DiagnosticBag diagnostics)
    {
        var winners = new Dictionary<string, (SeveritySetting Setting, AnalyzerConfig Config)>(StringComparer.OrdinalIgnoreCase);
        var conflicts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (config, entries) in sources)
        {
            foreach (var setting in entries.Select(ToSetting).OfType<SeveritySetting>())
            {
                if (conflicts.TryGetValue(setting.Id, out var conflictLevel) && conflictLevel >= config.GlobalLevel)
                {
                    continue;
                }

                if (winners.TryGetValue(setting.Id, out var winner) && winner.Config != config && winner.Config.GlobalLevel >= config.GlobalLevel)
                {
                    if (winner.Config.GlobalLevel == config.GlobalLevel)
                    {
                        winners.Remove(setting.Id);
                        conflicts[setting.Id] = config.GlobalLevel;
                        diagnostics.Add(DiagnosticDescriptors.GlobalConfigConflict, setting.Location, setting.Id, winner.Setting.Location.File, config.GlobalLevel);
                    }

                    continue;
                }

                conflicts.Remove(setting.Id);
                winners[setting.Id] = (setting, config);
            }
        }

        return winners.ToDictionary(pair => pair.Key, pair => pair.Value.Setting, StringComparer.OrdinalIgnoreCase);
    }

    private static void Overlay(Dictionary<string, SeveritySetting> settings, IEnumerable<SeveritySetting> overrides)
    {
        foreach (var setting in overrides)
        {
            settings[setting.Id] = setting;
        }
    }

    /// <summary>A global config's section applies to the file whose full path it names.</summary>
    private static bool NamesFile(AnalyzerConfigSection section, string fullPath) =>
        Path.IsPathFullyQualified(section.Name)
        && string.Equals(Normalized(section.Name), Normalized(fullPath), PathComparison);

    /// <summary><c>/sub/file</c> for a file below <paramref name="directory"/>, or null for one elsewhere.</summary>
    private static string? RelativePath(string directory, string fullPath)
    {
        var folder = Normalized(directory).TrimEnd('/');
        var file = Normalized(fullPath);
        return file.Length > folder.Length + 1 && file.StartsWith(folder, PathComparison) && file[folder.Length] == '/'
            ? file[folder.Length..]
            : null;
    }

    private static string Normalized(string path) => path.Replace('\\', '/');
}
