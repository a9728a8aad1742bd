using ZonePolicy.Diagnostics;

namespace ZonePolicy.Workspace;

/// <summary>
/// A workspace's project file, <c>zonepolicy.json</c>: which topologies are checked against which rules,
/// with which parameters, severities, date and baseline. Paths in it are relative to its folder and are
/// held here as full paths. <see cref="Diagnostics"/> holds what was wrong with it, each at its place.
/// </summary>
internal sealed class ProjectFile
{
    public const string FileName = "zonepolicy.json";

    public required string FilePath { get; init; }

    /// <summary>How diagnostics name the file, and the settings in it.</summary>
    public required string DisplayPath { get; init; }

    /// <summary>The folder the project's relative paths start from.</summary>
    public string Folder => Path.GetDirectoryName(FilePath)!;

    /// <summary>Topology files, full paths, wildcards expanded.</summary>
    public IReadOnlyList<string> Topologies { get; init; } = [];

    /// <summary>Rule files and folders, full paths, wildcards expanded.</summary>
    public IReadOnlyList<string> RuleSources { get; init; } = [];

    public IReadOnlyList<string> Packs { get; init; } = [];

    /// <summary>Parameter values in the language's literal syntax.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Severities by id, each at its entry in the file; the engine reads the levels.</summary>
    public IReadOnlyList<SeveritySetting> Severities { get; init; } = [];

    public DateOnly? Today { get; init; }

    /// <summary>The baseline file, a full path.</summary>
    public string? Baseline { get; init; }

    public bool WarningsAsErrors { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>
    /// The project file that applies to <paramref name="folder"/>: <c>zonepolicy.json</c> in that folder,
    /// else in the nearest folder above it; null when there is none up to the file system's root.
    /// </summary>
    public static string? Find(string folder)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(folder)); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a project file; never throws. <paramref name="text"/> replaces the file's contents (an editor's
    /// unsaved buffer); <paramref name="displayPath"/> is how diagnostics name the file.
    /// </summary>
    public static ProjectFile Load(string path, string displayPath, string? text = null) =>
        ProjectFileReader.Read(Path.GetFullPath(path), displayPath, text);

    /// <summary>
    /// The project's check, with the paths of its topologies, rules and baseline as given by <paramref name="display"/>
    /// (full paths by default); its settings are located in the file as <see cref="DisplayPath"/> names it.
    /// </summary>
    public CheckRequest ToRequest(Func<string, string>? display = null)
    {
        display ??= path => path;
        return new CheckRequest
        {
            TopologyFiles = Topologies.Select(display).ToList(),
            RuleSources = RuleSources.Select(display).ToList(),
            Packs = Packs,
            Parameters = Parameters,
            Severities = Severities,
            Today = Today,
            BaselineFile = Baseline is null ? null : display(Baseline),
            WarningsAsErrors = WarningsAsErrors,
            SettingsLocation = SourceLocation.InFile(DisplayPath),
        };
    }
}
