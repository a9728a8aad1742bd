using System.Text;
using CsCheck;
using ZonePolicy.Evaluation;
using ZonePolicy.Topology;

namespace ZonePolicy.Tests.Evaluation;

/// <summary>
/// On random small sites (zones flat or segmented, conduits open or denying by default with rules by zone,
/// asset or type, bidirectional or not, for a protocol and a port or any; assets with interfaces in other
/// zones), the condensed search finds exactly what the asset-by-asset search finds: every distance, every
/// asset each is reached from, with any assets avoided and for any service.
/// </summary>
public class PermittedPropertyTests
{
    private static readonly string[] Types = ["plc", "hmi", "engineering-workstation", "firewall"];
    private static readonly string?[] Protocols = [null, "s7", "rdp"];
    private static readonly long?[] Ports = [null, 102, 3389];
    private static readonly string[] Media = ["wired", "wireless", "cellular"];

    [Fact]
    public void The_condensed_search_agrees_with_the_asset_by_asset_search_on_random_sites()
    {
        Gen.Int[0, 999].Array[20, 160].Sample(choices =>
        {
            var json = new RandomSite(choices).Json();
            var loaded = TopologyLoader.LoadText(json, "random.json");
            Assert.True(loaded.Model is not null, $"the generator wrote an invalid site: {string.Join("; ", loaded.Diagnostics)}\n{json}");
            var site = loaded.Model;
            var network = new PermittedNetwork(site, new AssetIndex(site));
            var graph = new PermittedGraph(network);
            var pick = new Choices(choices.Reverse().ToArray());
            var avoided = Enumerable.Range(0, network.Assets.Count).Where(_ => pick.Next(4) == 0).ToHashSet();
            var filter = new ServiceFilter(pick.Of(Protocols), pick.Of(Ports));
            PermittedAgreement.AssertAgrees(network, graph, avoided.Contains, filter);
        }, iter: 400);
    }

    /// <summary>Reads choices one at a time; when they run out, every choice is 0, so shorter input means a smaller site.</summary>
    private sealed class Choices(int[] values)
    {
        private int next;

        public int Next(int range) => next < values.Length ? values[next++] % range : 0;

        public T Of<T>(T[] options) => options[Next(options.Length)];
    }

    /// <summary>A valid site drawn from a sequence of choices: every allow rule names ends its conduit or zone holds.</summary>
    private sealed class RandomSite(int[] values)
    {
        private readonly Choices pick = new(values);

        public string Json()
        {
            var zones = 1 + pick.Next(4);
            var assets = 1 + pick.Next(8);
            var home = new int[assets];
            var type = new string[assets];
            for (var a = 0; a < assets; a++)
            {
                home[a] = pick.Next(zones);
                type[a] = pick.Of(Types);
            }

            var text = new StringBuilder("{ \"schemaVersion\": \"1\", \"zones\": [");
            for (var z = 0; z < zones; z++)
            {
                var segmented = pick.Next(3) == 0;
                text.Append(z == 0 ? "" : ",").Append($"{{ \"id\": \"z{z}\", \"segmented\": {(segmented ? "true" : "false")}, \"allow\": [");
                var rules = segmented ? pick.Next(4) : 0;
                for (var r = 0; r < rules; r++)
                {
                    text.Append(r == 0 ? "" : ",").Append('{').Append(Rule(z, z, home, type)).Append('}');
                }

                text.Append("] }");
            }

            text.Append("], \"assets\": [");
            for (var a = 0; a < assets; a++)
            {
                text.Append(a == 0 ? "" : ",").Append($"{{ \"id\": \"a{a}\", \"zone\": \"z{home[a]}\", \"type\": \"{type[a]}\"");
                if (pick.Next(3) == 0)
                {
                    text.Append($", \"interfaces\": [{{ \"zone\": \"z{pick.Next(zones)}\", \"medium\": \"{pick.Of(Media)}\" }}]");
                }

                text.Append(" }");
            }

            text.Append("], \"conduits\": [");
            var conduits = zones < 2 ? 0 : pick.Next(5);
            for (var c = 0; c < conduits; c++)
            {
                var x = pick.Next(zones);
                var y = (x + 1 + pick.Next(zones - 1)) % zones;
                var device = pick.Next(assets);
                var deny = pick.Next(3) != 0;
                text.Append(c == 0 ? "" : ",").Append($"{{ \"id\": \"c{c}\", \"zones\": [\"z{x}\", \"z{y}\"], \"boundary\": [\"a{device}\"], \"denyByDefault\": {(deny ? "true" : "false")}, \"allow\": [");
                var rules = pick.Next(4);
                for (var r = 0; r < rules; r++)
                {
                    var forward = pick.Next(2) == 0;
                    text.Append(r == 0 ? "" : ",").Append($"{{ \"device\": \"a{device}\", ").Append(forward ? Rule(x, y, home, type) : Rule(y, x, home, type)).Append('}');
                }

                text.Append("] }");
            }

            return text.Append("] }").ToString();
        }

        /// <summary>A rule from something on zone <paramref name="x"/> to something on zone <paramref name="y"/>.</summary>
        private string Rule(int x, int y, int[] home, string[] type)
        {
            var rule = $"\"from\": \"{End(x, home, type)}\", \"to\": \"{End(y, home, type)}\"";
            if (pick.Of(Protocols) is { } protocol)
            {
                rule += $", \"protocol\": \"{protocol}\"";
            }

            if (pick.Of(Ports) is { } port)
            {
                rule += $", \"port\": {port}";
            }

            return pick.Next(2) == 0 ? rule + ", \"direction\": \"bidirectional\"" : rule;
        }

        /// <summary>The zone, one of its own assets, or the type of one of them.</summary>
        private string End(int zone, int[] home, string[] type)
        {
            var own = Enumerable.Range(0, home.Length).Where(a => home[a] == zone).ToArray();
            return (own.Length == 0 ? 0 : pick.Next(3)) switch
            {
                1 => $"a{own[pick.Next(own.Length)]}",
                2 => $"type:{type[own[pick.Next(own.Length)]]}",
                _ => $"z{zone}",
            };
        }
    }
}
