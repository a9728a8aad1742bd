namespace ZonePolicy.Testing;

/// <summary>What to test: rule packs (by name or folder) and the settings that override their own.</summary>
public sealed class PackTestRequest
{
    /// <summary>Pack names or folders; a name is looked up in <see cref="PackDirectories"/>, then rules/, then beside the tool.</summary>
    public IReadOnlyList<string> Packs { get; init; } = [];

    /// <summary>Folders that hold one sub-folder per rule pack.</summary>
    public IReadOnlyList<string> PackDirectories { get; init; } = [];

    /// <summary>The evaluation date for every fixture; the pack's <c>tests/settings</c> or the fixture's own when null.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>Fail when a rule has no violating or no passing case; the pack's setting when null.</summary>
    public bool? RequireCoverage { get; init; }

    /// <summary>Only these cases (names relative to tests/, no extension); every case when empty.</summary>
    public IReadOnlyList<string> Cases { get; init; } = [];

    /// <summary>Dependencies whose C# functions may run; a pack under test is always trusted.</summary>
    public IReadOnlyList<string> TrustedPacks { get; init; } = [];

    /// <summary>The folder whose <c>nuget.config</c> names the feeds dependencies are resolved from; none when null.</summary>
    public string? NuGetConfigDirectory { get; init; }
}

/// <summary>The façade of the rule-test engine behind <c>zpol test</c>.</summary>
public static class PackTestEngine
{
    /// <summary>
    /// Runs the packs' tests, writes the report and returns the exit code (0 pass, 1 fail, 2 invalid
    /// input, 3 internal error). <paramref name="check"/> replaces <see cref="PolicyEngine.Check"/> in tests.
    /// </summary>
    public static int Run(PackTestRequest request, TextWriter output, Func<CheckRequest, CheckResult>? check = null)
    {
        var options = new PackTestOptions
        {
            Today = request.Today,
            RequireCoverage = request.RequireCoverage,
            Cases = request.Cases,
            PackDirectories = request.PackDirectories,
            ShippedPackDirectories = [PackLocator.ShippedPacks],
            TrustedPacks = request.TrustedPacks,
            NuGetConfigDirectory = request.NuGetConfigDirectory,
        };
        var run = PackTests.Run(request.Packs, request.PackDirectories, options, check);
        TestReportWriter.Write(run, output);
        return run.ExitCode;
    }
}
