using ZonePolicy.Diagnostics;

namespace ZonePolicy.Tests.Testing;

/// <summary>
/// Stands in for the policy engine: reports, for each fixture (by case name), the violations it was told
/// to, and records every request it received.
/// </summary>
internal sealed class FakeEngine
{
    private readonly Dictionary<string, List<Diagnostic>> byCase = new(StringComparer.Ordinal);

    public FakeEngine(params string[] rules) => Rules = rules;

    public IReadOnlyList<string> Rules { get; }

    public List<CheckRequest> Requests { get; } = [];

    public HashSet<string> InvalidCases { get; } = [];

    public FakeEngine Violation(string caseName, string ruleId, params string[] entities)
    {
        Diagnostics(caseName).Add(new Diagnostic(ruleId, Severity.Error, $"{ruleId} fired", SourceLocation.At(caseName, 3, 5))
        {
            Rule = Info(ruleId),
            Entities = entities,
        });
        return this;
    }

    public FakeEngine EngineDiagnostic(string caseName, string id, Severity severity = Severity.Warning)
    {
        Diagnostics(caseName).Add(new Diagnostic(id, severity, $"{id} reported", SourceLocation.At(caseName, 9, 3)));
        return this;
    }

    public CheckResult Check(CheckRequest request)
    {
        Requests.Add(request);
        var file = request.TopologyFiles.Single();
        var caseName = Path.GetFileNameWithoutExtension(file);
        var diagnostics = byCase.TryGetValue(caseName, out var list)
            ? list.Select(d => d with { Location = d.Location with { File = file } }).ToList()
            : [];
        if (InvalidCases.Contains(caseName))
        {
            diagnostics = [new Diagnostic("ZP0201", Severity.Error, "invalid json", SourceLocation.At(file, 1, 1))];
        }

        return new CheckResult
        {
            Diagnostics = diagnostics,
            Suppressed = [],
            Rules = Rules.Select(Info).ToList(),
            InputInvalid = InvalidCases.Contains(caseName),
        };
    }

    private List<Diagnostic> Diagnostics(string caseName)
    {
        if (!byCase.TryGetValue(caseName, out var list))
        {
            byCase[caseName] = list = [];
        }

        return list;
    }

    private static RuleInfo Info(string id) =>
        new(id, id + " title", Severity.Error, null, [], "docs/" + id + ".md", SourceLocation.At("rules.zpol", 1, 1));
}
