using ZonePolicy.Diagnostics;

namespace ZonePolicy.Tests.Support;

/// <summary>A temporary folder of rule and topology files for one test, removed afterwards.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "zpol-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Checks one topology against one rule file with a fixed date.</summary>
    public CheckResult Check(string rules, string site, Action<CheckRequestBuilder>? configure = null)
    {
        var builder = new CheckRequestBuilder
        {
            RuleSources = [Write("rules.zpol", rules)],
            TopologyFiles = [Write("site.json", site)],
        };
        configure?.Invoke(builder);
        return PolicyEngine.Check(builder.Build());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A mutable way to put a <see cref="CheckRequest"/> together in tests.</summary>
public sealed class CheckRequestBuilder
{
    public List<string> RuleSources { get; set; } = [];

    public List<string> TopologyFiles { get; set; } = [];

    public List<string> Packs { get; set; } = [];

    public List<string> PackDirectories { get; set; } = [];

    public List<KeyValuePair<string, string>> Parameters { get; } = [];

    /// <summary>Severities as the command line gives them: id and level as written.</summary>
    public List<KeyValuePair<string, string>> Severities { get; } = [];

    public List<string> AnalyzerConfigFiles { get; } = [];

    public DateOnly Today { get; set; } = new(2026, 11, 25);

    public string? Baseline { get; set; }

    public bool WarningsAsErrors { get; set; }

    public bool Compliance { get; set; }

    public SourceLocation SettingsLocation { get; set; } = SourceLocation.CommandLine;

    public long EvaluationBudget { get; set; } = ZonePolicy.Evaluation.EvaluationMonitor.DefaultBudget;

    public CheckRequest Build() => new()
    {
        RuleSources = RuleSources,
        TopologyFiles = TopologyFiles,
        Packs = Packs,
        PackDirectories = PackDirectories,
        Parameters = Parameters,
        Severities = [.. Severities.Select(s => new SeveritySetting(s.Key, s.Value, SettingsLocation))],
        AnalyzerConfigFiles = AnalyzerConfigFiles,
        Today = Today,
        BaselineFile = Baseline,
        WarningsAsErrors = WarningsAsErrors,
        Compliance = Compliance,
        SettingsLocation = SettingsLocation,
        EvaluationBudget = EvaluationBudget,
    };
}

public static class ResultExtensions
{
    /// <summary>Each diagnostic in force as `ID line: message`, in canonical order.</summary>
    public static string[] Lines(this CheckResult result) =>
        result.Diagnostics.Select(d => $"{d.Id} {d.Location.Line}: {d.Message}").ToArray();

    public static string[] Ids(this CheckResult result) => result.Diagnostics.Select(d => d.Id).ToArray();
}
