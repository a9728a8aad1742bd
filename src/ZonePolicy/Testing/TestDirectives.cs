using ZonePolicy.Diagnostics;

namespace ZonePolicy.Testing;

/// <summary>A rule id named in an <c>only</c> line, where it is written.</summary>
internal sealed record ScopedRule(string Id, SourceLocation Location);

/// <summary>
/// What an expectation file (<c>tests/&lt;case&gt;.expect</c>) or a pack's test settings file
/// (<c>tests/settings</c>) says: the evaluation date, parameter and severity overrides, the rules in scope and
/// the diagnostics expected.
/// </summary>
internal sealed class TestDirectives
{
    public DateOnly? Today { get; set; }

    public List<KeyValuePair<string, string>> Parameters { get; } = [];

    /// <summary>Severity settings, as <c>--severity ID=level</c> gives them, where they are written.</summary>
    public List<SeveritySetting> Severities { get; } = [];

    /// <summary>The rules the fixture checks; null when it checks every rule of the pack.</summary>
    public List<ScopedRule>? Only { get; set; }

    public bool RequireCoverage { get; set; }

    public List<ExpectedDiagnostic> Expected { get; } = [];

    public bool InScope(string ruleId) => Only is null || Only.Exists(r => r.Id == ruleId);
}
