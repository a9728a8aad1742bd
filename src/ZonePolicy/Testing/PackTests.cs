using ZonePolicy.Diagnostics;

namespace ZonePolicy.Testing;

/// <summary>The entry point of <c>zpol test</c>: finds each named pack, loads its tests and runs them.</summary>
internal static class PackTests
{
    public static TestRunResult Run(IReadOnlyList<string> packs, IReadOnlyList<string> packDirectories, PackTestOptions options, Func<CheckRequest, CheckResult>? check = null)
    {
        var runner = new PackTestRunner(check ?? PolicyEngine.Check);
        var diagnostics = new List<Diagnostic>();
        var results = new List<PackTestResult>();
        foreach (var pack in packs)
        {
            var folder = PackLocator.Resolve(pack, packDirectories, diagnostics);
            if (folder is not null)
            {
                results.Add(runner.Run(PackTestSuite.Load(folder), options));
            }
        }

        return new TestRunResult(results, diagnostics);
    }
}
