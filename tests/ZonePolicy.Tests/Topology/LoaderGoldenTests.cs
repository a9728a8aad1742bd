using System.Globalization;
using System.Text;
using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Testing;
using ZonePolicy.Topology;
using static ZonePolicy.Tests.Topology.TopologyTestSupport;

namespace ZonePolicy.Tests.Topology;

/// <summary>
/// Pins what the loader makes of whole files, as approval files: every value of the models it builds from
/// valid topologies, and every diagnostic (id, severity, span, message) it reports on a fixed corpus of
/// broken ones, in the order reports show them. A change to the loader that changes either shows up as a line
/// diff; review the received file and rename it to the verified one when the change is meant.
/// </summary>
public class LoaderGoldenTests
{
    private static readonly string FullSite = File.ReadAllText(DataFile("full-site.json")).ReplaceLineEndings("\n");

    [Fact]
    public void Models_of_the_example_and_sample_topologies_stay_as_approved()
    {
        var output = new StringBuilder();
        string[] files =
        [
            DataFile("01-null-and-location.json"), DataFile("02-paths.json"), DataFile("03-waivers.json"), DataFile("full-site.json"),
            .. Directory.GetFiles(RepositoryFile("samples/annex-a-factory"), "*.topology.json").Order(StringComparer.Ordinal),
        ];
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var result = TopologyLoader.Load(file, name);
            Assert.Empty(result.Diagnostics);
            ModelDump.Write(result.Model!, output);
        }

        Approvals.Verify(output.ToString());
    }

    [Fact]
    public void Diagnostics_of_random_edits_to_values_and_keys_stay_as_approved()
    {
        var random = new SeededSequence(20261125);
        var output = new StringBuilder();
        for (var i = 0; i < 160; i++)
        {
            var edits = Enumerable.Range(0, 1 + random.Below(3))
                .Select(_ => (random.Below(4), random.Below(10_000), random.Below(22), random.Below(13)))
                .ToArray();
            var json = TopologyMutations.Apply(FullSite, edits);
            Write(output, $"edits {string.Join(" ", edits)}", json);
        }

        Approvals.Verify(output.ToString());
    }

    [Fact]
    public void Diagnostics_of_edits_to_the_text_stay_as_approved()
    {
        string[] snippets = ["{", "}", "[", "]", ",", ":", "\"", "null", "1e400", "\"\\ud800\"", "\"\\u0041\"", "é", "\t", "\"x\": 1,", "\"id\": \"plc-1\","];
        var random = new SeededSequence(7);
        var output = new StringBuilder();
        for (var i = 0; i < 80; i++)
        {
            var at = random.Below(FullSite.Length);
            var snippet = snippets[random.Below(snippets.Length)];
            var removed = random.Below(3) == 0 ? Math.Min(random.Below(20), FullSite.Length - at) : 0;
            Write(output, $"at {at} remove {removed} insert {snippet}", FullSite.Remove(at, removed).Insert(at, snippet));
        }

        Approvals.Verify(output.ToString());
    }

    [Fact]
    public void Diagnostics_of_semantic_mistakes_stay_as_approved()
    {
        (string Name, string Json)[] cases =
        [
            ("duplicate ids across kinds and waivers", FullSite.Replace("\"id\": \"dmz\"", "\"id\": \"line\"", StringComparison.Ordinal).Replace("\"id\": \"w-1\"", "\"id\": \"plc-1\"", StringComparison.Ordinal)),
            ("unknown and mistyped references", FullSite.Replace("\"zone\": \"line\"", "\"zone\": \"lime\"", StringComparison.Ordinal).Replace("\"managedBy\": \"integrator\"", "\"managedBy\": \"plc-1\"", StringComparison.Ordinal)),
            ("reference to a waiver", FullSite.Replace("\"managedBy\": \"integrator\"", "\"managedBy\": \"w-1\"", StringComparison.Ordinal)),
            ("duplicate keys in an entity, a record, props and the root", FullSite
                .Replace("\"kind\": \"control\",", "\"kind\": \"control\", \"kind\": \"dmz\",", StringComparison.Ordinal)
                .Replace("\"cell\": \"A\",", "\"cell\": \"A\", \"cell\": \"B\",", StringComparison.Ordinal)
                .Replace("\"version\": \"4.2\",", "\"version\": \"4.2\", \"version\": \"5\",", StringComparison.Ordinal)
                .Replace("\"schemaVersion\": \"1\",", "\"schemaVersion\": \"1\", \"schemaVersion\": \"1\",", StringComparison.Ordinal)),
            ("duplicate top-level array", FullSite.Replace("\"zones\": [\n", "\"zones\": [{ \"id\": \"line\" }, { \"id\": \"lathe\" }],\n  \"zones\": [\n", StringComparison.Ordinal)),
            ("impossible date and an integer too large", FullSite.Replace("2028-12-31", "2028-02-30", StringComparison.Ordinal).Replace("\"securityLevelCapability\": 2", "\"securityLevelCapability\": 2, \"missingCriticalPatches\": 1e20", StringComparison.Ordinal)),
            ("escaped keys and values", FullSite.Replace("\"zone\": \"line\"", "\"\\u007aone\": \"l\\u0069ne\"", StringComparison.Ordinal).Replace("\"kind\": \"dmz\"", "\"kind\": \"d\\u006dz\"", StringComparison.Ordinal)),
            ("non-ASCII text before a mistake", FullSite.Replace("\"name\": \"Press line\",", "\"name\": \"プレスライン ✓\", \"nmae\": 1,", StringComparison.Ordinal)),
            ("integers written as decimals", FullSite.Replace("\"securityLevel\": 3,", "\"securityLevel\": 3.0,", StringComparison.Ordinal).Replace("\"port\": 502,", "\"port\": 5.02e2,", StringComparison.Ordinal)),
        ];
        var output = new StringBuilder();
        foreach (var (name, json) in cases)
        {
            Write(output, name, json);
        }

        Approvals.Verify(output.ToString());
    }

    private static void Write(StringBuilder output, string title, string json)
    {
        output.Append("## ").Append(title).Append('\n');
        var result = TopologyLoader.LoadText(json, "site.json");
        output.Append(result.Model is null ? "no model\n" : "model\n");
        foreach (var diagnostic in DiagnosticOrder.Sort(result.Diagnostics))
        {
            var at = diagnostic.Location;
            output.Append(CultureInfo.InvariantCulture, $"{at.Line},{at.Column}-{at.EndLine},{at.EndColumn} {diagnostic}\n");
        }
    }

    /// <summary>A small deterministic generator, so the corpus is the same on every machine and runtime.</summary>
    private sealed class SeededSequence(ulong seed)
    {
        private ulong state = seed;

        public int Below(int bound)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            return (int)((state >> 33) % (ulong)bound);
        }
    }
}
