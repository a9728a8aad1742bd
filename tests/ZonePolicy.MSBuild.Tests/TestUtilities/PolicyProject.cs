using System.Text.RegularExpressions;

namespace ZonePolicy.MSBuild.Tests.TestUtilities;

/// <summary>A fresh SDK project in its own folder that references the packed ZonePolicy.MSBuild.</summary>
internal sealed partial class PolicyProject
{
    private readonly PackageFixture package;

    /// <param name="references">The project's package references; by default ZonePolicy.MSBuild alone.</param>
    public PolicyProject(PackageFixture package, string name, string items, string properties = "", string? references = null)
    {
        this.package = package;
        Directory = Path.Combine(package.Root, name);
        System.IO.Directory.CreateDirectory(Directory);
        ProjectFile = Path.Combine(Directory, name + ".csproj");
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ZonePolicyToday>2026-06-01</ZonePolicyToday>
            {properties}
              </PropertyGroup>
              <ItemGroup>
            {references ?? $"    <PackageReference Include=\"ZonePolicy.MSBuild\" Version=\"{package.Version}\" />"}
              </ItemGroup>
              <ItemGroup>
            {items}
              </ItemGroup>
            </Project>
            """);
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    public string IntermediateDirectory => Path.Combine(Directory, "obj", "Debug", "net10.0");

    public string StampFile => Path.Combine(IntermediateDirectory, Path.GetFileNameWithoutExtension(ProjectFile) + ".zonepolicy.stamp");

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    public PolicyProject Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public BuildOutput Build(params string[] arguments) =>
        Run(["build", ProjectFile, "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-v:n", "-clp:NoSummary", .. arguments]);

    public BuildOutput Clean() =>
        Run(["clean", ProjectFile, "-nodeReuse:false", "--disable-build-servers", "-tl:off"]);

    private BuildOutput Run(string[] arguments)
    {
        var (exitCode, output) = DotNet.Run(Directory, package.Environment, arguments);
        return new BuildOutput(exitCode, output);
    }
}

/// <summary>What a build printed, with its diagnostics parsed from the canonical MSBuild lines.</summary>
internal sealed partial record BuildOutput(int ExitCode, string Output)
{
    public IReadOnlyList<LoggedDiagnostic> Diagnostics { get; } = Parse(Output);

    public IEnumerable<LoggedDiagnostic> Errors => Diagnostics.Where(d => d.Kind == "error");

    public IEnumerable<LoggedDiagnostic> Warnings => Diagnostics.Where(d => d.Kind == "warning");

    public IEnumerable<LoggedDiagnostic> Infos => Diagnostics.Where(d => d.Kind == "message");

    public override string ToString() => $"exit code {ExitCode}\n{Output}";

    private static List<LoggedDiagnostic> Parse(string output) =>
        [.. output.Split('\n')
            .Select(line => CanonicalLine().Match(line.TrimEnd('\r')))
            .Where(match => match.Success)
            .Select(match => new LoggedDiagnostic(
                match.Groups["file"].Value,
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value) : 0,
                match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value) : 0,
                match.Groups["kind"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value))
            .Distinct()];

    // `path(line,col): error ID: message [project]`, or `path : error ID: ...` without a position;
    // MSBuild leaves out ` [project]` when the file is the project, and with -v:n may put a node
    // number (`1>`) in front.
    [GeneratedRegex(@"^\s*(?:\d+>)?(?<file>[^\s(][^(]*?)(?:\((?<line>\d+),(?<column>\d+)\))?\s?: (?<kind>error|warning|message) (?<id>[A-Za-z0-9-]+): (?<message>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex CanonicalLine();
}

internal sealed record LoggedDiagnostic(string File, int Line, int Column, string Kind, string Id, string Message);
