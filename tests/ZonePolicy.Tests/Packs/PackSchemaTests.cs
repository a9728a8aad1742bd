using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;
using ZonePolicy.Diagnostics;
using ZonePolicy.Packs;
using ZonePolicy.Tests.Testing;

namespace ZonePolicy.Tests.Packs;

/// <summary>schema/pack.schema.json, which editors use, and the manifest reader agree on what a manifest is.</summary>
public sealed class PackSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot, "schema", "pack.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static string RepositoryRoot => Path.GetDirectoryName(Path.GetDirectoryName(ShippedPackLayoutTests.PackFolder("x")))!;

    [Theory]
    [MemberData(nameof(ShippedPackLayoutTests.PackNames), MemberType = typeof(ShippedPackLayoutTests))]
    public void Every_shipped_manifest_follows_the_schema_and_reads_without_problems(string pack)
    {
        var text = File.ReadAllText(Path.Combine(ShippedPackLayoutTests.PackFolder(pack), PackManifest.FileName));

        Assert.True(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(text).RootElement).IsValid);
        Assert.NotNull(Read(text).Manifest);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("\"name\": \"Acme\"", false)]
    [InlineData("\"name\": \"acme--plant\"", false)]
    [InlineData("\"name\": \"1acme\"", false)]
    [InlineData("\"version\": \"01.0.0\"", false)]
    [InlineData("\"version\": \"1.0.0-rc.1+build.5\"", true)]
    [InlineData("\"title\": \"\"", false)]
    [InlineData("\"authors\": []", false)]
    [InlineData("\"standards\": []", false)]
    [InlineData("\"standards\": [{ \"name\": \"x\", \"url\": \"https://example.com/x\" }]", true)]
    [InlineData("\"dependencies\": { \"acme-common\": \"[1.0.0, 2.0.0)\" }", true)]
    [InlineData("\"dependencies\": { \"acme-common\": \"1.0.0\" }", true)]
    [InlineData("\"dependencies\": { \"Acme\": \"1.0.0\" }", false)]
    [InlineData("\"functions\": [{ \"name\": \"f\", \"script\": \"fn/f.csx\", \"parameters\": [{ \"name\": \"x\", \"type\": \"list<int>\" }], \"returns\": \"date?\" }]", true)]
    [InlineData("\"functions\": [{ \"name\": \"f\", \"script\": \"fn/../f.csx\", \"parameters\": [], \"returns\": \"int\" }]", false)]
    [InlineData("\"functions\": [{ \"name\": \"f\", \"script\": \"f.cs\", \"parameters\": [], \"returns\": \"int\" }]", false)]
    [InlineData("\"functions\": [{ \"name\": \"f\", \"script\": \"f.csx\", \"parameters\": [], \"returns\": \"list<list<int>>\" }]", false)]
    [InlineData("\"projectUrl\": \"ftp://example.com\"", false)]
    [InlineData("\"extra\": true", false)]
    public void The_schema_and_the_reader_accept_and_reject_the_same_manifests(string? change, bool valid)
    {
        var manifest = JsonNode.Parse(PackFolders.Manifest("acme-plant", "1.0.0"))!.AsObject();
        if (change is not null)
        {
            var property = JsonNode.Parse("{" + change + "}")!.AsObject().Single();
            manifest[property.Key] = property.Value!.DeepClone();
        }

        var text = manifest.ToJsonString();

        Assert.Equal(valid, Schema.Evaluate(System.Text.Json.JsonDocument.Parse(text).RootElement).IsValid);
        Assert.Equal(valid, Read(text).Manifest is not null);
    }

    private static (PackManifest? Manifest, IReadOnlyList<Diagnostic> Diagnostics) Read(string text)
    {
        var bag = new DiagnosticBag();
        return (PackManifestReader.Parse(Encoding.UTF8.GetBytes(text), "pack.json", bag), bag.Items);
    }
}
