using System.Text.RegularExpressions;
using ZonePolicy.MSBuild.Tests.TestUtilities;

namespace ZonePolicy.MSBuild.Tests;

/// <summary>
/// <c>zpol check</c> and a real <c>dotnet build</c> report the same diagnostics — id, severity, file, line, column
/// and message, each as many times — on the Annex A sample (as the annex leaves it and as reviewed), on the
/// specification's worked examples, and on violations that share a place and a message. Every case is a project of one solution, so one build covers them all; the
/// command line is the <c>zpol</c> shipped in the same package. The SARIF log each build writes validates against
/// the SARIF 2.1.0 schema.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class ParityTests(PackageFixture package)
{
    private const string Today = "2026-11-25";

    [Fact]
    public void The_command_line_and_dotnet_build_report_the_same_diagnostics_on_the_samples_and_spec_examples()
    {
        var cases = Cases().Select(c => (c.Name, Project: CreateProject(c.Name, c.Topologies, c.Rules))).ToList();
        var solution = Path.Combine(package.Root, "parity.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(cases.Select(c => $"  <Project Path=\"{Path.GetRelativePath(package.Root, c.Project.ProjectFile)}\" />\n")) + "</Solution>\n");

        var (_, output) = DotNet.Run(package.Root, package.Environment,
            "build", solution, "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-v:m", "-clp:NoSummary");
        var built = Lines(BeforeSummary(output), package.Root).ToList();

        var zpol = Path.Combine(package.Environment["NUGET_PACKAGES"], "zonepolicy.msbuild", package.Version, "tasks", "net10.0", "zpol.dll");
        foreach (var (name, project) in cases)
        {
            var topologies = Directory.GetFiles(project.PathOf("site")).Select(f => Path.Combine("site", Path.GetFileName(f))).Order(StringComparer.Ordinal);
            var (exitCode, cli) = DotNet.Run(project.Directory, package.Environment, ["exec", zpol, "check", .. topologies, "--rules", "policy", "--today", Today]);
            var fromCli = Lines(cli, project.Directory).Order(StringComparer.Ordinal).ToList();
            var fromBuild = built.Where(d => d.StartsWith(project.Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

            Assert.True(exitCode is 0 or 1, $"{name}: zpol exited with {exitCode}:\n{cli}");
            Assert.True(fromCli.Count > 0 || name.Contains("fixed", StringComparison.Ordinal), $"{name}: the command line reported nothing:\n{cli}");
            ZonePolicy.Tests.Shared.SarifSchema.AssertValid(File.ReadAllText(project.PathOf("policy.sarif")));
            Assert.True(fromCli.SequenceEqual(fromBuild), $"{name}: the command line and dotnet build differ\ncommand line:\n{string.Join('\n', fromCli)}\n\ndotnet build:\n{string.Join('\n', fromBuild)}\n\nbuild output:\n{output}");
        }
    }

    private static IEnumerable<(string Name, string[] Topologies, string[] Rules)> Cases()
    {
        var samples = Path.Combine(PackageFixture.RepositoryRoot, "samples", "annex-a-factory");
        var sampleRules = Directory.GetFiles(Path.Combine(samples, "rules"), "*.zpol");
        yield return ("parity-annex-a", Directory.GetFiles(samples, "*.topology.json"), sampleRules);
        yield return ("parity-annex-a-fixed", Directory.GetFiles(Path.Combine(samples, "fixed"), "*.topology.json"), sampleRules);

        var examples = Path.Combine(PackageFixture.RepositoryRoot, "tests", "ZonePolicy.Tests", "SpecExamples");
        var samePlace = Path.Combine(PackageFixture.RepositoryRoot, "tests", "ZonePolicy.MSBuild.Tests", "Parity", "same-place");
        foreach (var example in Directory.GetDirectories(examples).Order(StringComparer.Ordinal).Append(samePlace))
        {
            yield return ("parity-" + Path.GetFileName(example), [Path.Combine(example, "site.json")], [Path.Combine(example, "rules.zpol")]);
        }
    }

    private PolicyProject CreateProject(string name, string[] topologies, string[] rules)
    {
        var project = new PolicyProject(package, name, """
                <ZonePolicyTopology Include="site/*.json" />
                <ZonePolicyRules Include="policy/**/*.zpol" />
            """, $"<ZonePolicyToday>{Today}</ZonePolicyToday><ZonePolicySarifOutput>policy.sarif</ZonePolicySarifOutput>");
        foreach (var file in topologies)
        {
            project.Write(Path.Combine("site", Path.GetFileName(file)), File.ReadAllText(file));
        }

        foreach (var file in rules)
        {
            project.Write(Path.Combine("policy", Path.GetFileName(file)), File.ReadAllText(file));
        }

        return project;
    }

    /// <summary>
    /// The build's output up to its summary: <c>dotnet build</c> repeats every error and warning after
    /// "Build FAILED." or "Build succeeded.", whatever <c>-clp:NoSummary</c> says.
    /// </summary>
    private static string BeforeSummary(string output)
    {
        var end = output.Split('\n').TakeWhile(line => line.Trim() is not ("Build FAILED." or "Build succeeded."));
        return string.Join('\n', end);
    }

    /// <summary>
    /// Each diagnostic line as <c>full-path(line,col): kind ID: message</c>, with the command line's <c>info</c>
    /// and MSBuild's <c>message</c> both called info, and relative paths resolved against <paramref name="folder"/>.
    /// </summary>
    private static IEnumerable<string> Lines(string output, string folder) =>
        output.Split('\n')
            .Select(line => Canonical().Match(line.TrimEnd('\r')))
            .Where(match => match.Success)
            .Select(match => $"{Path.GetFullPath(match.Groups["file"].Value.TrimEnd(), folder)}({match.Groups["position"].Value}): "
                + $"{(match.Groups["kind"].Value == "message" ? "info" : match.Groups["kind"].Value)} {match.Groups["id"].Value}: {match.Groups["message"].Value}");

    [GeneratedRegex(@"^\s*(?:\d+>)?(?<file>[^\s(][^(]*?)(?:\((?<position>\d+,\d+)\))?\s?: (?<kind>error|warning|info|message) (?<id>[A-Za-z0-9-]+): (?<message>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex Canonical();
}
