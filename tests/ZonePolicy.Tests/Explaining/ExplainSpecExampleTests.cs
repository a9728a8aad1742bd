using ZonePolicy.Diagnostics;
using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Explaining;

/// <summary>
/// The exact explanation of every rule of the specification's worked examples: the null cases, the path cases
/// and the waiver decisions, each pinned in an approval file beside this one.
/// </summary>
public sealed class ExplainSpecExampleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    public static TheoryData<string, string> Rules => new()
    {
        { "01-null-and-location", "EX-OS" },
        { "01-null-and-location", "EX-LOG" },
        { "01-null-and-location", "EX-DEFAULT" },
        { "01-null-and-location", "EX-SL" },
        { "01-null-and-location", "EX-INTO" },
        { "02-paths", "EX-ANY" },
        { "02-paths", "EX-FW" },
        { "02-paths", "EX-ASSET" },
        { "03-waivers", "EX-EP" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_rule_of_a_worked_example_is_explained_exactly(string example, string rule)
    {
        Approvals.Verify(Explain(example, rule), name: $"{example}.{rule}");
    }

    [Fact]
    public void Severity_settings_and_the_warnaserror_switch_are_explained_per_violation()
    {
        var text = Explain("03-waivers", "EX-EP", [], check => new CheckRequest
        {
            TopologyFiles = check.TopologyFiles,
            RuleSources = check.RuleSources,
            Today = Today,
            Severities = [new SeveritySetting("EX-EP", "warning", SourceLocation.CommandLine)],
            WarningsAsErrors = true,
        });

        Approvals.Verify(text, name: "03-waivers.EX-EP.warnaserror");
    }

    [Fact]
    public void Asking_about_one_entity_explains_only_the_combinations_that_bind_it()
    {
        Approvals.Verify(Explain("02-paths", "EX-ASSET", ["plc-b"]), name: "02-paths.EX-ASSET.plc-b");
    }

    internal static string Explain(string example, string rule, string[]? entities = null, Func<CheckRequest, CheckRequest>? configure = null)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "SpecExamples", example);
        var check = new CheckRequest
        {
            TopologyFiles = [Path.Combine(folder, "site.json")],
            RuleSources = [Path.Combine(folder, "rules.zpol")],
            Today = Today,
        };
        var result = PolicyEngine.Explain(new ExplainRequest { Check = configure?.Invoke(check) ?? check, RuleId = rule, Entities = [.. (entities ?? []).Select(e => (IReadOnlyList<string>)e.Split(","))] });
        Assert.Equal(0, result.ExitCode);

        var text = new StringWriter();
        result.Write(text, ExplainFormat.Text);
        return text.ToString().Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace('\\', '/');
    }
}
