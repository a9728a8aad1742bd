using ZonePolicy.Diagnostics;

namespace ZonePolicy;

/// <summary>What to check: the topologies, the rules and the settings that shape the outcome.</summary>
public sealed record CheckRequest
{
    /// <summary>Topology files; each describes one site and is checked on its own.</summary>
    public IReadOnlyList<string> TopologyFiles { get; init; } = [];

    /// <summary>Rule files or folders (a folder contributes every <c>*.zpol</c> below it).</summary>
    public IReadOnlyList<string> RuleSources { get; init; } = [];

    /// <summary>
    /// Rule packs by name, with the versions accepted in NuGet's range syntax: <c>name</c> (the newest),
    /// <c>name@1.2.0</c> (1.2.0 or newer, the lowest that exists), <c>name@[1.0.0, 2.0.0)</c>, <c>name@1.*</c>.
    /// Looked up in <see cref="InstalledPacks"/>, then <see cref="PackDirectories"/> and
    /// <see cref="ShippedPackDirectories"/>, then the NuGet feeds when <see cref="NuGetConfigDirectory"/> is set.
    /// </summary>
    public IReadOnlyList<string> Packs { get; init; } = [];

    /// <summary>Folders that hold one sub-folder per rule pack (or are a pack's own folder), searched by name first.</summary>
    public IReadOnlyList<string> PackDirectories { get; init; } = [];

    /// <summary>Folders of the packs that ship with ZonePolicy, searched after <see cref="PackDirectories"/>; their C# functions are trusted.</summary>
    public IReadOnlyList<string> ShippedPackDirectories { get; init; } = [];

    /// <summary>Pack folders a package manager installed for the project (<c>PackageReference</c>): taken as they are, and trusted.</summary>
    public IReadOnlyList<string> InstalledPacks { get; init; } = [];

    /// <summary>Packs whose C# functions may run although they neither ship with ZonePolicy nor are installed for the project.</summary>
    public IReadOnlyList<string> TrustedPacks { get; init; } = [];

    /// <summary>
    /// The folder whose <c>nuget.config</c> (with those above it and the user's) names the feeds to resolve packs
    /// from, with the global packages folder as their cache; null to use no feed.
    /// </summary>
    public string? NuGetConfigDirectory { get; init; }

    /// <summary>The pack lock file; used as <see cref="LockMode"/> says.</summary>
    public string? LockFile { get; init; }

    public PackLockMode LockMode { get; init; } = PackLockMode.Off;

    /// <summary>Where compiled C# functions are cached; <c>ZONEPOLICY_SCRIPT_CACHE</c> or the user's cache folder when null.</summary>
    public string? ScriptCacheDirectory { get; init; }

    /// <summary>Parameter overrides, each value in the language's literal syntax (a bare word is a string).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>
    /// Severities set on the command line or in the project, in the order given (the last for an id wins); they
    /// outrank the analyzer config files.
    /// </summary>
    public IReadOnlyList<SeveritySetting> Severities { get; init; } = [];

    /// <summary>
    /// The <c>.editorconfig</c> and global analyzer config files that may set severities with
    /// <c>dotnet_diagnostic.&lt;ID&gt;.severity</c>; each topology gets the settings that apply to its path.
    /// </summary>
    public IReadOnlyList<string> AnalyzerConfigFiles { get; init; } = [];

    /// <summary>The folder relative paths resolve against (diagnostics name them as given); the current directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The evaluation date (<c>today</c>); the current UTC date when null.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>A baseline file of accepted violations; only new violations are reported when set.</summary>
    public string? BaselineFile { get; init; }

    /// <summary>
    /// Where the parameters, packs and severity overrides of this request were given, for the diagnostics
    /// about them: the command line, or the project file that sets them.
    /// </summary>
    public SourceLocation SettingsLocation { get; init; } = SourceLocation.CommandLine;

    /// <summary>The evaluation steps each rule may take on each site before it stops (ZP0402); tests lower it.</summary>
    internal long EvaluationBudget { get; init; } = Evaluation.EvaluationMonitor.DefaultBudget;

    /// <summary>Promotes warnings to errors.</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>Describes each loaded site in <see cref="CheckResult.Sites"/>, for reports that draw it.</summary>
    public bool DescribeSites { get; init; }

    /// <summary>Works out each site's compliance matrix in <see cref="CheckResult.Compliance"/>: every clause of the catalogues of the packs checked.</summary>
    public bool Compliance { get; init; }

    /// <summary>
    /// Texts that stand in for rule and topology files, by path: an editor's unsaved buffers. Each wins over
    /// the file on disk, and counts as a file even where the disk has none (a new file in a rule folder).
    /// </summary>
    public IReadOnlyDictionary<string, string> Documents { get; init; } = new Dictionary<string, string>();
}

/// <summary>How a check uses the pack lock file.</summary>
public enum PackLockMode
{
    /// <summary>No lock file (a project's packages are locked by NuGet).</summary>
    Off,

    /// <summary>Prefer the versions of the lock file when it exists, and keep it up to date; create it when a pack came from a feed.</summary>
    Auto,

    /// <summary>As <see cref="Auto"/>, and always write the file.</summary>
    Update,

    /// <summary>Use exactly the lock file's versions: a missing lock file, or one the resolution would change, is an error.</summary>
    Locked,
}
