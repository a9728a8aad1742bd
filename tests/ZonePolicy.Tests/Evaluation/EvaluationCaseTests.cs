using System.Runtime.CompilerServices;
using ZonePolicy.Tests.Support;
using ZonePolicy.Types;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>
/// The language pinned down case by case: each line of <c>Cases/evaluation.asv</c> is an expression and
/// the value it must have (itself written as an expression), or the diagnostic it must fail with.
/// </summary>
public sealed class EvaluationCaseTests
{
    private const string Separator = "⇶";
    private const string ErrorPrefix = "error ";

    private const string Site = """
        {
          "schemaVersion": "1",
          "zones": [
            { "id": "cell", "kind": "control", "securityLevel": 3 },
            { "id": "office", "kind": "enterprise" }
          ],
          "assets": [
            {
              "id": "plc-1", "zone": "cell", "type": "plc", "criticality": "high",
              "os": { "name": "VxWorks", "version": "7", "endOfSupport": "2025-10-14" },
              "lastPatched": "2026-11-01", "missingCriticalPatches": 2,
              "services": [ { "port": 502, "transport": "tcp", "protocol": "modbus" } ],
              "vulnerabilities": [ { "id": "CVE-1", "cvss": 9.8, "mitigated": false }, { "id": "CVE-2", "cvss": 4.0 } ],
              "props": { "line": "press", "rack": 4, "load": 0.5, "spare": true }
            },
            { "id": "hmi-1", "zone": "cell", "type": "hmi" },
            { "id": "laptop-7", "zone": "office", "type": "workstation" }
          ],
          "flows": [ { "id": "f-1", "from": "hmi-1", "to": "plc-1", "protocol": "modbus", "port": 502, "encrypted": false } ]
        }
        """;

    private const string Declarations = """
        param limit = 10
        param ratios = [1, 2.5]
        let twice(x) = x * 2
        let big = 9223372036854775807
        let smallest = -9223372036854775807 - 1
        """;

    private static readonly ExpressionHarness Harness = new(Site, Declarations);

    public static TheoryData<int, string, string> Cases()
    {
        var cases = new TheoryData<int, string, string>();
        var lines = File.ReadAllLines(Path.Combine(SourceFolder(), "Cases", "evaluation.asv"));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split(Separator);
            Assert.True(parts.Length == 2, $"line {i + 1} is not `expression {Separator} result`: {line}");
            cases.Add(i + 1, parts[0].Trim(), parts[1].Trim());
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(int line, string expression, string expected)
    {
        var actual = Harness.Evaluate(expression);
        if (expected.StartsWith(ErrorPrefix, StringComparison.Ordinal))
        {
            var id = expected[ErrorPrefix.Length..];
            Assert.True(actual.Diagnostics.FirstOrDefault()?.Id == id,
                $"line {line}: expected {id}, got {Describe(actual)}");
            return;
        }

        Assert.True(actual.Diagnostics.Count == 0, $"line {line}: {Describe(actual)}");
        var result = Harness.Evaluate(expected);
        Assert.True(result.Diagnostics.Count == 0, $"line {line}: the expected result does not evaluate: {Describe(result)}");

        Assert.True(result.Type == ZpType.Null || actual.Type == ZpType.Any || result.Type == actual.Type,
            $"line {line}: the static type is `{actual.Type}`, expected `{result.Type}`");
        var type = actual.Type == ZpType.Any ? result.Type! : actual.Type!;
        Assert.True(TypedValues.Fits(actual.Value, type), $"line {line}: the value {Render(actual.Value)} is not a `{type}`");
        Assert.True(TypedValues.Same(actual.Value, result.Value),
            $"line {line}: got {Render(actual.Value)}, expected {Render(result.Value)}");
    }

    private static string Describe(Evaluated evaluated) => evaluated.Diagnostics.Count == 0
        ? $"no diagnostic, the value {Render(evaluated.Value)} of type `{evaluated.Type}`"
        : string.Join("; ", evaluated.Diagnostics.Select(d => $"{d.Id} {d.Message}"));

    private static string Render(object? value) => value switch
    {
        IReadOnlyList<object?> list => $"[{string.Join(", ", list.Select(Render))}]",
        decimal d => $"{d}m",
        long l => $"{l}L",
        null => "null",
        _ => $"{value} ({value.GetType().Name})",
    };

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
