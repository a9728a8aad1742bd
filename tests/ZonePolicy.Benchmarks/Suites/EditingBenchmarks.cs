using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ZonePolicy.Benchmarks.Suites;

/// <summary>
/// What the language server does after each edit: check the workspace again in a <see cref="CheckSession"/>
/// that kept the previous check's work. Targets: diagnostics after an edit of one file of a 1,000-rule pack
/// within 100 ms; a 10,000-asset topology checked again after an edit of it within 500 ms. Each iteration
/// alternates between two texts of the edited file, so every check sees a change. It runs in the benchmark's
/// own process (no generated project to build): the session it measures is a long-lived object anyway.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class EditingBenchmarks
{
    private readonly CheckSession packSession = new();
    private readonly CheckSession siteSession = new();
    private string packFolder = "";
    private string editedRuleFile = "";
    private string[] ruleTexts = [];
    private string site = "";
    private string[] siteTexts = [];
    private int edits;

    [GlobalSetup]
    public void Setup()
    {
        packFolder = BenchmarkFiles.RulePack(1_000);
        editedRuleFile = Path.Combine(packFolder, "rules-005.zpol");
        var rules = File.ReadAllText(editedRuleFile);
        ruleTexts = [rules, rules.Replace("severity error", "severity warning")];
        packSession.Check(PackRequest(ruleTexts[1]));

        site = BenchmarkFiles.Site(10_000);
        var siteText = File.ReadAllText(site);
        var digit = siteText.IndexOfAny("1234".ToCharArray(), siteText.IndexOf("\"securityLevel\"", StringComparison.Ordinal));
        var changed = siteText[digit] == '4' ? '3' : (char)(siteText[digit] + 1);
        siteTexts = [siteText, siteText[..digit] + changed + siteText[(digit + 1)..]];
        siteSession.Check(SiteRequest(siteTexts[1]));
    }

    [Benchmark(Description = "edit one file of a 1,000-rule pack")]
    public int EditRuleFile() => packSession.Check(PackRequest(ruleTexts[edits++ % 2])).Diagnostics.Count;

    [Benchmark(Description = "edit a 10,000-asset topology")]
    public int EditTopology() => siteSession.Check(SiteRequest(siteTexts[edits++ % 2])).Diagnostics.Count;

    private CheckRequest PackRequest(string text) => new()
    {
        RuleSources = [packFolder],
        Today = BenchmarkFiles.Today,
        Documents = new Dictionary<string, string> { [editedRuleFile] = text },
    };

    private CheckRequest SiteRequest(string text) => new()
    {
        RuleSources = [BenchmarkFiles.RuleFile],
        TopologyFiles = [site],
        Today = BenchmarkFiles.Today,
        Documents = new Dictionary<string, string> { [site] = text },
    };

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15).WithInvocationCount(2).WithUnrollFactor(1));
    }
}
