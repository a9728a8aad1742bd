using ZonePolicy.Diagnostics;

namespace ZonePolicy.MSBuild.Tests;

public sealed class CheckResultsTests
{
    [Fact]
    public void A_rule_file_diagnostic_from_several_requests_is_kept_once_and_all_are_sorted()
    {
        var ruleError = new Diagnostic(DiagnosticIds.SyntaxError, Severity.Error, "unexpected `$`", SourceLocation.At("/p/rules.zpol", 3, 3));
        var siteB = new Diagnostic("T-1", Severity.Error, "b", SourceLocation.At("/p/b.json", 2, 5));
        var siteA = new Diagnostic("T-1", Severity.Warning, "a", SourceLocation.At("/p/a.json", 9, 5));
        var setting = new Diagnostic(DiagnosticIds.InvalidSeverityOverride, Severity.Error, "invalid severity", SourceLocation.InFile("/p/p.csproj"));

        var merged = CheckResults.Merge([setting], [Result(siteB, ruleError), Result(ruleError, siteA)]);

        Assert.Equal([siteA, siteB, setting, ruleError], merged.Diagnostics);
        Assert.True(merged.InputInvalid);
        Assert.Equal(2, merged.Errors - 1);
    }

    private static CheckResult Result(params Diagnostic[] diagnostics) =>
        new() { Diagnostics = diagnostics, Suppressed = [], Rules = [], InputInvalid = false };
}
