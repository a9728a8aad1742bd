using ZonePolicy.Diagnostics;

namespace ZonePolicy.MSBuild;

/// <summary>Joins the task's own diagnostics and the results of several engine requests into one result.</summary>
internal static class CheckResults
{
    public static CheckResult Merge(IReadOnlyList<Diagnostic> settingsDiagnostics, IReadOnlyList<CheckResult> results) => new()
    {
        Diagnostics = Distinct(settingsDiagnostics.Concat(results.SelectMany(result => result.Diagnostics))),
        Suppressed = Distinct(results.SelectMany(result => result.Suppressed)),
        Rules = [.. results.SelectMany(result => result.Rules)
            .DistinctBy(rule => rule.Id, StringComparer.Ordinal)
            .OrderBy(rule => rule.Id, StringComparer.Ordinal)],
        InputInvalid = results.Any(result => result.InputInvalid)
            || settingsDiagnostics.Any(diagnostic => diagnostic.Severity == Severity.Error),
    };

    // A rule file's diagnostics come back from every request that compiled it: keep one of each.
    private static List<Diagnostic> Distinct(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics
            .DistinctBy(diagnostic => (diagnostic.Id, diagnostic.Severity, diagnostic.Message, diagnostic.Location))
            .OrderBy(diagnostic => diagnostic.Location.File, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.Line)
            .ThenBy(diagnostic => diagnostic.Location.Column)
            .ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)];
}
