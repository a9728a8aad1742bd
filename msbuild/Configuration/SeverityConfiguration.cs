using ZonePolicy.Diagnostics;

namespace ZonePolicy.MSBuild.Configuration;

/// <summary>
/// Resolves the severity overrides in force for one topology file. From lowest to highest precedence:
/// global analyzer config files (a higher <c>global_level</c> wins, then the file in the deeper folder);
/// <c>.editorconfig</c> sections matching the topology file (the nearest file wins, and within a file
/// the last matching section; files above one with <c>root = true</c> are ignored); then the project's
/// <c>ZonePolicySeverity</c> items (the last item for an id wins).
/// </summary>
internal sealed class SeverityConfiguration
{
    private readonly List<AnalyzerConfigFile> _globalConfigs;
    private readonly List<AnalyzerConfigFile> _editorConfigs;
    private readonly IReadOnlyList<SeveritySetting> _projectSettings;

    public SeverityConfiguration(IEnumerable<AnalyzerConfigFile> files, IReadOnlyList<SeveritySetting> projectSettings)
    {
        var all = files.ToList();
        _globalConfigs = [.. all.Where(file => file.IsGlobal)
            .OrderBy(file => file.GlobalLevel)
            .ThenBy(file => Depth(file.Directory))
            .ThenBy(file => file.Path, StringComparer.Ordinal)];
        _editorConfigs = [.. all.Where(file => !file.IsGlobal)];
        _projectSettings = projectSettings;
    }

    /// <summary>The overrides for a topology file, ordered by id.</summary>
    public IReadOnlyList<KeyValuePair<string, Severity>> For(string topologyFile)
    {
        var overrides = new SortedDictionary<string, Severity>(StringComparer.Ordinal);
        var settings = _globalConfigs.SelectMany(file => file.GlobalSettings)
            .Concat(EditorConfigsFor(topologyFile)
                .SelectMany(file => file.Sections)
                .Where(section => section.Glob.IsMatch(topologyFile))
                .SelectMany(section => section.Settings))
            .Concat(_projectSettings);
        foreach (var setting in settings)
        {
            overrides[setting.Id] = setting.Severity;
        }

        return [.. overrides];
    }

    /// <summary>Equal for two topology files exactly when their overrides are equal.</summary>
    public string KeyFor(string topologyFile) =>
        string.Join(";", For(topologyFile).Select(pair => pair.Key + "=" + pair.Value));

    /// <summary>The <c>.editorconfig</c> files that apply to a file, farthest first, stopping at the nearest root.</summary>
    private List<AnalyzerConfigFile> EditorConfigsFor(string file)
    {
        var applicable = _editorConfigs
            .Where(config => EditorConfigGlob.IsBelow(config.Directory, file))
            .OrderByDescending(config => config.Directory.Length)
            .ToList();
        var root = applicable.FindIndex(config => config.IsRoot);
        if (root >= 0)
        {
            applicable.RemoveRange(root + 1, applicable.Count - root - 1);
        }

        applicable.Reverse();
        return applicable;
    }

    private static int Depth(string directory) =>
        directory.Count(c => c == Path.DirectorySeparatorChar || c == '/');
}
