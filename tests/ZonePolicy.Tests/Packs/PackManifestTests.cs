using System.Text;
using ZonePolicy.Diagnostics;
using ZonePolicy.Packs;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Packs;

public sealed class PackManifestTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_complete_manifest_is_read_with_its_dependencies_and_functions()
    {
        var text = PackFolders.Manifest("acme-plant", "1.2.0-beta.1", new Dictionary<string, string> { ["acme-common"] = "[1.0.0, 2.0.0)" }, """
            ,
              "description": "Plant rules",
              "projectUrl": "https://example.com/acme",
              "tags": ["ot"],
              "functions": [
                { "name": "score", "script": "functions/score.csx", "parameters": [{ "name": "vector", "type": "string" }], "returns": "decimal?", "budgetMilliseconds": 250 }
              ]
            """);

        var (manifest, diagnostics) = Parse(text);

        Assert.Empty(diagnostics);
        Assert.NotNull(manifest);
        Assert.Equal("acme-plant", manifest.Name);
        Assert.Equal("acme.plant", manifest.HeaderName);
        Assert.Equal("1.2.0-beta.1", manifest.Version.ToNormalizedString());
        Assert.Equal(["Test authors"], manifest.Authors);
        var dependency = Assert.Single(manifest.Dependencies);
        Assert.Equal(("acme-common", "[1.0.0, 2.0.0)"), (dependency.Name, dependency.Range.ToNormalizedString()));
        var function = Assert.Single(manifest.Functions);
        Assert.Equal("score(vector: string): decimal?", function.Signature);
        Assert.Equal(TimeSpan.FromMilliseconds(250), function.Budget);
    }

    [Theory]
    [InlineData("\"name\": \"Acme_Plant\"", 2, 11, "`Acme_Plant` is not a valid pack name")]
    [InlineData("\"version\": \"1.0\"", 3, 14, "`version` `1.0` is not a SemVer 2.0 version such as `1.2.0` or `2.0.0-beta.1`")]
    [InlineData("\"minEngineVersion\": 1", 8, 23, "`minEngineVersion` must be a string")]
    [InlineData("\"authors\": []", 6, 14, "`authors` needs at least one entry")]
    [InlineData("\"title\": \"two\\nlines\"", 4, 12, "`title` contains a control character")]
    [InlineData("\"standards\": [{ \"name\": \"x\", \"titel\": \"y\" }]", 7, 32, "unknown property `titel` in a `standards` entry; did you mean `title`?")]
    [InlineData("\"standards\": [{ \"name\": \"x\", \"url\": \"ftp://x\" }]", 7, 39, "`standards[0].url` `ftp://x` is not an absolute http or https URL")]
    public void A_bad_value_is_ZP0140_at_the_value(string replacement, int line, int column, string message)
    {
        var property = replacement[..(replacement.IndexOf(':') + 1)];
        var lines = PackFolders.Manifest("acme-plant", "1.0.0").Split('\n').Select(l => l.StartsWith("  " + property, StringComparison.Ordinal) ? "  " + replacement + (l.TrimEnd().EndsWith(',') ? "," : "") : l);

        var (manifest, diagnostics) = Parse(string.Join('\n', lines));

        Assert.Null(manifest);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.InvalidPackManifest, diagnostic.Id);
        Assert.StartsWith(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Theory]
    [InlineData(",\n  \"dependancies\": {}", "unknown property `dependancies` in the pack manifest; did you mean `dependencies`?")]
    [InlineData(",\n  \"dependencies\": { \"acme-plant\": \"1.0.0\" }", "the pack `acme-plant` cannot depend on itself")]
    [InlineData(",\n  \"dependencies\": { \"other\": \"1.*\" }", "`1.*` is not a version range")]
    [InlineData(",\n  \"dependencies\": { \"other\": \"[2.0.0, 1.0.0]\" }", "`[2.0.0, 1.0.0]` is not a version range")]
    [InlineData(",\n  \"functions\": [{ \"name\": \"f\", \"script\": \"../f.csx\", \"parameters\": [], \"returns\": \"int\" }]", "`script` `../f.csx` must be a `.csx` file inside the pack")]
    [InlineData(",\n  \"functions\": [{ \"name\": \"f\", \"script\": \"f.csx\", \"parameters\": [{ \"name\": \"x\", \"type\": \"float\" }], \"returns\": \"int\" }]", "`float` is not a type a C# function can take or return")]
    [InlineData(",\n  \"functions\": [{ \"name\": \"f-g\", \"script\": \"f.csx\", \"parameters\": [], \"returns\": \"int\" }]", "`f-g` is not a valid function name")]
    [InlineData(",\n  \"functions\": [{ \"name\": \"f\", \"script\": \"f.csx\", \"parameters\": [], \"returns\": \"int\", \"budgetMilliseconds\": 0 }]", "`budgetMilliseconds` must be a whole number of milliseconds from 1 to 10000")]
    public void Dependencies_and_functions_are_checked(string extra, string message)
    {
        var (manifest, diagnostics) = Parse(PackFolders.Manifest("acme-plant", "1.0.0", extra: extra));

        Assert.Null(manifest);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.InvalidPackManifest && d.Message.StartsWith(message, StringComparison.Ordinal) && d.Location.Line > 1);
    }

    [Fact]
    public void A_missing_property_is_reported_at_the_object()
    {
        var (manifest, diagnostics) = Parse("{ \"name\": \"x\", \"version\": \"1.0.0\" }");

        Assert.Null(manifest);
        Assert.Equal(
            ["the pack manifest has no `title`", "the pack manifest has no `license`", "the pack manifest has no `authors`", "the pack manifest has no `standards`", "the pack manifest has no `minEngineVersion`"],
            diagnostics.Select(d => d.Message));
        Assert.All(diagnostics, d => Assert.Equal((1, 1), (d.Location.Line, d.Location.Column)));
    }

    [Theory]
    [InlineData("", 1, 1, "the pack manifest is empty")]
    [InlineData("[1, 2]", 1, 1, "the pack manifest must be a JSON object")]
    [InlineData("{ \"name\": \"x\",, }", 1, 15, "invalid JSON")]
    [InlineData("\0\0", 1, 1, "invalid JSON: the file is binary")]
    public void Input_that_is_not_a_manifest_is_located(string text, int line, int column, string message)
    {
        var (manifest, diagnostics) = Parse(text);

        Assert.Null(manifest);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.InvalidPackManifest, diagnostic.Id);
        Assert.StartsWith(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public async Task A_huge_manifest_a_folder_and_a_pipe_are_refused_without_reading_them()
    {
        var huge = workspace.Write("huge/pack.json", "{\"description\": \"" + new string('x', 1024 * 1024) + "\"}");
        Directory.CreateDirectory(Path.Combine(workspace.Root, "folder", "pack.json"));
        var bag = new DiagnosticBag();

        Assert.Null(PackManifestReader.Read(Path.GetDirectoryName(huge)!, "huge", bag));
        Assert.Null(PackManifestReader.Read(Path.Combine(workspace.Root, "folder"), "folder", bag));
        Assert.Equal(
            [(DiagnosticIds.InputTooLarge, "pack manifest `huge/pack.json` is 1 MiB, over the 1 MiB limit for a pack manifest; split it into smaller files"),
             (DiagnosticIds.InputNotAFile, "pack manifest `folder/pack.json` is a folder, not a file; name a file in it")],
            bag.Items.Select(d => (d.Id, d.Message)));
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            Directory.CreateDirectory(Path.Combine(workspace.Root, "pipe"));
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(workspace.Root, "pipe", "pack.json")]))
            {
                await mkfifo.WaitForExitAsync();
            }

            var read = await Task.Run(() => PackManifestReader.Read(Path.Combine(workspace.Root, "pipe"), "pipe", bag)).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Null(read);
            Assert.Equal("pack manifest `pipe/pack.json` is a named pipe (FIFO), not a file", bag.Items[^1].Message);
        }
    }

    private static (PackManifest? Manifest, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text)
    {
        var bag = new DiagnosticBag();
        var manifest = PackManifestReader.Parse(Encoding.UTF8.GetBytes(text), "pack.json", bag);
        return (manifest, bag.Items);
    }
}
