using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;

namespace ZonePolicy.Testing;

/// <summary>
/// A pack's tests as found on disk: the settings shared by every case (<c>tests/settings</c>) and the
/// fixtures, ordered by name. Problems finding or reading them are diagnostics, never exceptions.
/// </summary>
internal sealed class PackTestSuite
{
    public const string TestsFolder = "tests";
    public const string SettingsFile = "settings";
    public const string TopologyExtension = ".json";
    public const string ExpectationExtension = ".expect";

    private PackTestSuite(string name, string folder, TestDirectives settings, IReadOnlyList<TestFixture> fixtures, IReadOnlyList<Diagnostic> diagnostics)
    {
        Name = name;
        Folder = folder;
        Settings = settings;
        Fixtures = fixtures;
        Diagnostics = diagnostics;
    }

    /// <summary>The pack's name: its manifest's, or for a folder without one the folder's name.</summary>
    public string Name { get; }

    public string Folder { get; }

    public TestDirectives Settings { get; }

    public IReadOnlyList<TestFixture> Fixtures { get; }

    /// <summary>Problems with the suite itself: unpaired files, unreadable settings, no tests at all.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public static PackTestSuite Load(string folder)
    {
        var name = ManifestName(folder) ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        var diagnostics = new List<Diagnostic>();
        var tests = Path.Combine(folder, TestsFolder);
        if (!Directory.Exists(tests))
        {
            diagnostics.Add(Missing(folder, DiagnosticDescriptors.NoTestsFolder, name, TestsFolder, TopologyExtension, ExpectationExtension));
            return new PackTestSuite(name, folder, new TestDirectives(), [], diagnostics);
        }

        var settings = LoadSettings(tests, diagnostics);
        var fixtures = new List<TestFixture>();
        var topologies = Files(tests, TopologyExtension);
        var expectations = Files(tests, ExpectationExtension);
        foreach (var (caseName, topology) in topologies)
        {
            if (!expectations.TryGetValue(caseName, out var expectation))
            {
                diagnostics.Add(Missing(topology, DiagnosticDescriptors.NoExpectationFile, caseName, ExpectationExtension));
                continue;
            }

            fixtures.Add(LoadFixture(caseName, topology, expectation));
        }

        foreach (var (caseName, expectation) in expectations)
        {
            if (!topologies.ContainsKey(caseName))
            {
                diagnostics.Add(Missing(expectation, DiagnosticDescriptors.NoFixtureTopology, caseName, TopologyExtension));
            }
        }

        if (topologies.Count == 0)
        {
            diagnostics.Add(Missing(tests, DiagnosticDescriptors.NoFixtures, name, TestsFolder, TopologyExtension, ExpectationExtension));
        }

        return new PackTestSuite(name, folder, settings, fixtures, diagnostics);
    }

    private static TestDirectives LoadSettings(string tests, List<Diagnostic> diagnostics)
    {
        var file = Path.Combine(tests, SettingsFile);
        return Path.Exists(file) && Read(file, InputKind.TestSettings, diagnostics) is { } text
            ? ExpectationParser.Parse(file, text, DirectiveFile.Settings, diagnostics)
            : new TestDirectives();
    }

    private static TestFixture LoadFixture(string caseName, string topology, string expectation)
    {
        var errors = new List<Diagnostic>();
        var directives = Read(expectation, InputKind.TestExpectation, errors) is { } text
            ? ExpectationParser.Parse(expectation, text, DirectiveFile.Expectation, errors)
            : new TestDirectives();
        return new TestFixture(caseName, topology, expectation, directives, errors);
    }

    private static string? Read(string path, InputKind kind, List<Diagnostic> diagnostics)
    {
        var read = InputReader.Read(path, path, kind, Directory.GetCurrentDirectory());
        if (read.Problem is { } problem)
        {
            diagnostics.Add(problem);
        }

        return read.File?.Text;
    }

    /// <summary>Files with the extension anywhere under tests/, keyed by their case name (relative path, no extension, '/' separated).</summary>
    private static SortedDictionary<string, string> Files(string tests, string extension)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(tests, "*" + extension, SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(tests, file);
            var caseName = relative[..^extension.Length].Replace(Path.DirectorySeparatorChar, '/');
            files[caseName] = file;
        }

        return files;
    }

    private static Diagnostic Missing(string file, DiagnosticDescriptor descriptor, params ReadOnlySpan<object?> arguments) =>
        Diagnostic.Create(descriptor, SourceLocation.InFile(file), arguments);

    /// <summary>The name in the pack's manifest, when it has one that can be read; the check reports any problem with it.</summary>
    private static string? ManifestName(string folder) =>
        File.Exists(Path.Combine(folder, Packs.PackManifest.FileName))
            ? Packs.PackManifestReader.Read(folder, folder, new DiagnosticBag())?.Name
            : null;
}
