using Microsoft.Build.Framework;
using ZonePolicy.Diagnostics;
using ZonePolicy.MSBuild.Configuration;

namespace ZonePolicy.MSBuild;

/// <summary>
/// Checks topologies against ZonePolicy rules and logs each diagnostic as a build error, warning or
/// message with its code, file, line and column. Never fails with an exception.
/// </summary>
public sealed class CheckZonePolicy : Microsoft.Build.Utilities.Task
{
    /// <summary>The project being built: settings errors are reported against it.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>Topology files (<c>ZonePolicyTopology</c> items).</summary>
    [Required]
    public ITaskItem[] Topologies { get; set; } = [];

    /// <summary>Rule files or folders (<c>ZonePolicyRules</c> items).</summary>
    public ITaskItem[] Rules { get; set; } = [];

    /// <summary>Rule pack names (<c>ZonePolicyPack</c> items).</summary>
    public ITaskItem[] Packs { get; set; } = [];

    /// <summary>Folders holding one sub-folder per rule pack that ships with ZonePolicy.</summary>
    public string[] PackDirectories { get; set; } = [];

    /// <summary>Pack folders that pack packages register (<c>ZonePolicyPackFolder</c> items from a <c>PackageReference</c>).</summary>
    public ITaskItem[] InstalledPacks { get; set; } = [];

    /// <summary>Packs whose C# functions may run besides the shipped and installed ones (<c>ZonePolicyTrustedPack</c> items).</summary>
    public ITaskItem[] TrustedPacks { get; set; } = [];

    /// <summary>Parameter overrides: the item is the name, <c>Value</c> metadata the value in the language's literal syntax.</summary>
    public ITaskItem[] Parameters { get; set; } = [];

    /// <summary>Severity overrides: the item is the rule id, <c>Severity</c> metadata the level.</summary>
    public ITaskItem[] Severities { get; set; } = [];

    /// <summary><c>.editorconfig</c> and <c>.globalconfig</c> files that may hold <c>dotnet_diagnostic.ID.severity</c> keys.</summary>
    public ITaskItem[] AnalyzerConfigFiles { get; set; } = [];

    /// <summary>The evaluation date as <c>yyyy-MM-dd</c>; today's UTC date when empty.</summary>
    public string? Today { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>A baseline file of accepted violations.</summary>
    public string? Baseline { get; set; }

    /// <summary>Where to write a SARIF 2.1.0 log of the check; nothing is written when empty.</summary>
    public string? SarifOutput { get; set; }

    public override bool Execute()
    {
        var logger = new DiagnosticLogger(Log, ProjectFile ?? BuildEngine?.ProjectFileOfTaskNode ?? "");
        try
        {
            var result = Check(logger.ProjectFile);
            logger.LogAll(result.Diagnostics);
            if (!string.IsNullOrEmpty(SarifOutput))
            {
                SarifLog.Write(result, Path.GetFullPath(SarifOutput));
            }
        }
        catch (Exception exception)
        {
            logger.LogInternalError(exception);
        }

        return !Log.HasLoggedErrors;
    }

    private CheckResult Check(string projectFile)
    {
        var settings = new TaskSettings(projectFile);
        var today = settings.ParseToday(Today);
        var parameters = settings.ParseParameters(Parameters);
        var projectSeverities = settings.ParseSeverities(Severities);
        var configFiles = AnalyzerConfigFiles
            .Select(item => item.GetMetadata("FullPath"))
            .Distinct(StringComparer.Ordinal)
            .Select(path => AnalyzerConfigFile.Load(path, settings.Diagnostics))
            .ToList();
        var severities = new SeverityConfiguration(configFiles, projectSeverities);

        var topologies = Topologies.Select(item => item.GetMetadata("FullPath")).ToList();
        if (topologies.Count == 0)
        {
            settings.ReportNoTopology();
        }

        // Each topology is checked on its own, so topologies whose .editorconfig settings differ
        // can be checked in separate requests, each with its own severity overrides.
        var results = topologies
            .GroupBy(severities.KeyFor, StringComparer.Ordinal)
            .Select(group => PolicyEngine.Check(new CheckRequest
            {
                TopologyFiles = [.. group],
                RuleSources = [.. Rules.Select(item => item.GetMetadata("FullPath"))],
                Packs = [.. Packs.Select(item => item.ItemSpec)],
                ShippedPackDirectories = [.. PackDirectories.Select(Path.GetFullPath)],
                InstalledPacks = [.. InstalledPacks.Select(item => item.GetMetadata("FullPath"))],
                TrustedPacks = [.. TrustedPacks.Select(item => item.ItemSpec)],
                Parameters = parameters,
                // The merged list carries the precedence; the project's own items are also passed apart,
                // so that an id no rule has is reported for them but not for shared config files.
                SeverityOverrides = [.. projectSeverities.Select(s => new KeyValuePair<string, Severity>(s.Id, s.Severity))],
                ConfiguredSeverities = severities.For(group.First()),
                Today = today,
                BaselineFile = string.IsNullOrEmpty(Baseline) ? null : Path.GetFullPath(Baseline),
                WarningsAsErrors = TreatWarningsAsErrors,
                SettingsLocation = settings.Project,
            }))
            .ToList();

        return CheckResults.Merge(settings.Diagnostics, results);
    }
}
