using Microsoft.Build.Framework;
using ZonePolicy.Diagnostics;
using System.Text;
using ZonePolicy.Reporting;

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
            if (!string.IsNullOrEmpty(SarifOutput) && WriteSarif(result, Path.GetFullPath(SarifOutput)) is { } refused)
            {
                result = result.Including([refused], inputInvalid: true);
            }

            logger.LogAll(result.Diagnostics);
        }
        catch (Exception exception)
        {
            logger.LogInternalError(exception);
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>One engine request for every topology: each gets the analyzer config settings of its own path.</summary>
    private CheckResult Check(string projectFile)
    {
        var settings = new TaskSettings(projectFile);
        var request = new CheckRequest
        {
            TopologyFiles = [.. Topologies.Select(item => item.GetMetadata("FullPath"))],
            RuleSources = [.. Rules.Select(item => item.GetMetadata("FullPath"))],
            Packs = [.. Packs.Select(item => item.ItemSpec)],
            ShippedPackDirectories = [.. PackDirectories.Select(Path.GetFullPath)],
            InstalledPacks = [.. InstalledPacks.Select(item => item.GetMetadata("FullPath"))],
            TrustedPacks = [.. TrustedPacks.Select(item => item.ItemSpec)],
            Parameters = settings.ParseParameters(Parameters),
            Severities = settings.ParseSeverities(Severities),
            AnalyzerConfigFiles = [.. AnalyzerConfigFiles.Select(item => item.GetMetadata("FullPath"))],
            WorkingDirectory = Path.GetDirectoryName(projectFile),
            Today = settings.ParseToday(Today),
            BaselineFile = string.IsNullOrEmpty(Baseline) ? null : Path.GetFullPath(Baseline),
            WarningsAsErrors = TreatWarningsAsErrors,
        };

        if (request.TopologyFiles.Count == 0)
        {
            settings.ReportNoTopology();
        }

        return PolicyEngine.Check(request).Including(settings.Diagnostics, settings.Diagnostics.Any(d => d.Severity == Severity.Error));
    }

    private static Diagnostic? WriteSarif(CheckResult result, string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Writing says why the folder is unusable.
        }

        return OutputFile.Write(path, path, result, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            Reporter.Write(result, ReportFormat.Sarif, writer);
        });
    }
}
