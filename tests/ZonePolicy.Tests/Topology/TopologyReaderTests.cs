using System.Text;
using CsCheck;
using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
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
