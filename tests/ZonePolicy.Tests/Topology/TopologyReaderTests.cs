using System.Text;
using CsCheck;
using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
using ZonePolicy.Types;
using static ZonePolicy.Tests.Topology.TopologyTestSupport;

namespace ZonePolicy.Tests.Topology;

/// <summary>
/// The one-pass read must vouch only for files the step-by-step path accepts, and build the same model from
/// them: it decides what a valid file becomes, while the step-by-step path decides every diagnostic.
/// </summary>
public class TopologyReaderTests
{
    private static readonly string FullSite = File.ReadAllText(DataFile("full-site.json"));

    [Theory]
    [InlineData("full-site.json")]
    [InlineData("01-null-and-location.json")]
    [InlineData("02-paths.json")]
    [InlineData("03-waivers.json")]
    public void One_pass_read_vouches_for_valid_files(string file)
    {
        Assert.NotNull(TopologyReader.TryRead(Text(File.ReadAllText(DataFile(file)))));
    }

    [Fact]
    public void One_pass_read_vouches_for_the_sample_factory()
    {
        foreach (var file in Directory.GetFiles(RepositoryFile("samples/annex-a-factory"), "*.topology.json"))
        {
            Assert.NotNull(TopologyReader.TryRead(Text(File.ReadAllText(file))));
        }
    }

    [Fact]
    public void One_pass_read_of_edited_values_and_keys_agrees_with_the_step_by_step_path()
    {
        TopologyMutations.Edits.Sample(edits => AssertAgree(TopologyMutations.Apply(FullSite, edits)), iter: 400);
    }

    [Fact]
    public void One_pass_read_of_edited_text_agrees_with_the_step_by_step_path()
    {
        string[] snippets = ["{", "}", ",", "\"", "1e400", "3.0", "\"\\ud800\"", "\"\\u0041\"", "é", "\"x\": 1,", "\"id\": \"plc-1\",", "\"zone\": \"dmz\","];
        Gen.Select(Gen.Int[0, FullSite.Length], Gen.Int[0, 30], Gen.Int[0, snippets.Length - 1]).Sample(
            edit =>
            {
                var (at, removed, snippet) = edit;
                removed = Math.Min(removed, FullSite.Length - at);
                AssertAgree(FullSite.Remove(at, removed).Insert(at, snippets[snippet]));
            },
            iter: 400);
    }

    [Theory]
    [InlineData("\"kind\": \"control\",", "\"kind\": \"control\", \"kind\": \"dmz\",")]
    [InlineData("\"zone\": \"line\"", "\"\\u007aone\": \"l\\u0069ne\"")]
    [InlineData("\"securityLevel\": 3,", "\"securityLevel\": 3.0,")]
    [InlineData("\"name\": \"Press line\",", "\"name\": \"プレスライン\",")]
    [InlineData("\"id\": \"dmz\"", "\"id\": \"line\"")]
    public void One_pass_read_agrees_on_edge_cases(string from, string to)
    {
        AssertAgree(FullSite.Replace(from, to, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(0, 63)]
    [InlineData(10, 200)]
    [InlineData(150, 151)]
    public void One_pass_read_gives_up_on_a_duplicate_id_near_or_far_from_the_first(int first, int second)
    {
        var ids = Enumerable.Range(0, 300).Select(i => $"z{i}").ToArray();
        ids[second] = ids[first];

        Assert.Null(TopologyReader.TryRead(Text(Zones(ids))));
        Assert.NotNull(TopologyReader.TryRead(Text(Zones([.. Enumerable.Range(0, 300).Select(i => $"z{i}")]))));
    }

    [Fact]
    public void One_pass_read_gives_up_on_an_id_repeated_with_an_escape()
    {
        Assert.Null(TopologyReader.TryRead(Text(Zones(["z0", "z1", "z\u0031", "z3"]))));
    }

    [Fact]
    public void One_pass_read_resolves_references_to_entities_declared_just_before_them()
    {
        var zones = Enumerable.Range(0, 100).Select(i => $$"""{ "id": "z{{i}}" }""");
        var assets = Enumerable.Range(0, 100).Select(i => $$"""{ "id": "a{{i}}", "zone": "z{{99 - i}}" }""");
        var json = $$"""{ "schemaVersion": "1", "zones": [{{string.Join(", ", zones)}}], "assets": [{{string.Join(", ", assets)}}] }""";

        var model = TopologyReader.TryRead(Text(json));

        Assert.NotNull(model);
        var assetsRead = model.OfKind(EntityKind.Asset);
        Assert.Equal(100, assetsRead.Count);
        for (var i = 0; i < assetsRead.Count; i++)
        {
            Assert.Equal($"z{99 - i}", Assert.IsType<Entity>(assetsRead[i]["zone"]).Id);
        }

        AssertAgree(json);
    }

    [Fact]
    public void Row_objects_asked_for_from_several_threads_at_once_are_one_object_per_row()
    {
        var model = TopologyReader.TryRead(Text(Zones(Enumerable.Range(0, 5000).Select(i => $"z{i}"))));
        Assert.NotNull(model);
        var table = model.TableOf(EntityKind.Zone);
        using var start = new Barrier(4);

        var seen = Enumerable.Range(0, 4)
            .Select(thread => Task.Factory.StartNew(() => Walk(thread), TaskCreationOptions.LongRunning))
            .ToArray()
            .Select(task => task.Result)
            .ToArray();

        foreach (var rows in seen.Skip(1))
        {
            for (var row = 0; row < table.Count; row++)
            {
                Assert.Same(seen[0][row], rows[row]);
            }
        }

        Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"z{i}"), model.OfKind(EntityKind.Zone).Select(zone => zone.Id));
        Assert.Same(seen[0][42], model.OfKind(EntityKind.Zone)[42]);

        // Half the threads walk the rows backwards, so that threads meet on rows not made yet.
        TableRow[] Walk(int thread)
        {
            start.SignalAndWait();
            var rows = new TableRow[table.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                var row = thread % 2 == 0 ? i : rows.Length - 1 - i;
                rows[row] = table.RowAt(row);
            }

            return rows;
        }
    }

    [Fact]
    public void A_row_past_the_end_of_its_table_is_not_made()
    {
        var model = TopologyReader.TryRead(Text(Zones(["z0", "z1"])));
        Assert.NotNull(model);
        var table = model.TableOf(EntityKind.Zone);

        Assert.Throws<ArgumentOutOfRangeException>(() => table.RowAt(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.RowAt(-1));
        Assert.Equal("z1", table[1].Id);
    }

    private static string Zones(IEnumerable<string> ids) =>
        $$"""{ "schemaVersion": "1", "zones": [{{string.Join(", ", ids.Select(id => $$"""{ "id": "{{id}}" }"""))}}] }""";

    private static void AssertAgree(string json)
    {
        var fast = TopologyReader.TryRead(Text(json));
        var diagnostics = new List<Diagnostic>();
        var careful = TopologyLoader.LoadStepByStep(Text(json), diagnostics);
        if (fast is null)
        {
            return;
        }

        Assert.Empty(diagnostics);
        Assert.NotNull(careful);
        Assert.Equal(Dump(careful), Dump(fast));
    }

    private static string Dump(SiteModel model)
    {
        var output = new StringBuilder();
        ModelDump.Write(model, output);
        return output.ToString();
    }

    private static SourceText Text(string json) => new("site.json", Encoding.UTF8.GetBytes(json));
}
