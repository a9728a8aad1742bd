using ZonePolicy.Diagnostics;

namespace ZonePolicy;

/// <summary>What to check: the topologies, the rules and the settings that shape the outcome.</summary>
public sealed class CheckRequest
{
    /// <summary>Topology files; each describes one site and is checked on its own.</summary>
    public IReadOnlyList<string> TopologyFiles { get; init; } = [];

    /// <summary>Rule files or folders (a folder contributes every <c>*.zpol</c> below it).</summary>
    public IReadOnlyList<string> RuleSources { get; init; } = [];

    /// <summary>Rule packs by name, looked up in <see cref="PackDirectories"/>.</summary>
    public IReadOnlyList<string> Packs { get; init; } = [];

    /// <summary>Folders that hold one sub-folder per rule pack.</summary>
    public IReadOnlyList<string> PackDirectories { get; init; } = [];

    /// <summary>Parameter overrides, each value in the language's literal syntax (a bare word is a string).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Severity overrides by rule or diagnostic id, applied after the rules' own severities.</summary>
    public IReadOnlyList<KeyValuePair<string, Severity>> SeverityOverrides { get; init; } = [];

    /// <summary>
    /// Severities from shared configuration (<c>.editorconfig</c>, <c>.globalconfig</c>): below
    /// <see cref="SeverityOverrides"/>, and ids the check does not know are ignored, as other analyzers' are.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, Severity>> ConfiguredSeverities { get; init; } = [];

    /// <summary>The evaluation date (<c>today</c>); the current UTC date when null.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>A baseline file of accepted violations; only new violations are reported when set.</summary>
    public string? BaselineFile { get; init; }

    /// <summary>
    /// Where the parameters, packs and severity overrides of this request were given, for the diagnostics
    /// about them: the command line, or the project file that sets them.
    /// </summary>
    public SourceLocation SettingsLocation { get; init; } = SourceLocation.CommandLine;

    /// <summary>Promotes warnings to errors.</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>Describes each loaded site in <see cref="CheckResult.Sites"/>, for reports that draw it.</summary>
    public bool DescribeSites { get; init; }

    /// <summary>Works out each site's compliance matrix in <see cref="CheckResult.Compliance"/>: every clause of the catalogues of the packs checked.</summary>
    public bool Compliance { get; init; }
}
