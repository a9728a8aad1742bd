using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZonePolicy.Benchmarks.Connectivity;

/// <summary>
/// Adds what the network permits to a generated site, the way its firewalls would be configured for its
/// flows: every zone pair a flow crosses gets a conduit, every conduit denies by default and allows the
/// flows across it, one rule per flow (by asset, protocol and port), supervisory-to-control conduits also
/// let engineering workstations reach the PLCs (a rule by type), safety zones are segmented with a rule by
/// type, and one engineering workstation in a hundred has a second interface in a neighbouring zone.
/// </summary>
internal static class PermittedSiteWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string declaredSite, string path)
    {
        var root = JsonNode.Parse(File.ReadAllBytes(declaredSite))!.AsObject();
        var zones = root["zones"]!.AsArray();
        var assets = root["assets"]!.AsArray();
        var conduits = root["conduits"]?.AsArray() ?? [];
        var flows = root["flows"]!.AsArray();

        var zoneOf = assets.ToDictionary(a => Id(a), a => (string)a!["zone"]!, StringComparer.Ordinal);
        var typeOf = assets.ToDictionary(a => Id(a), a => (string?)a!["type"], StringComparer.Ordinal);
        var kindOf = zones.ToDictionary(z => Id(z), z => (string)z!["kind"]!, StringComparer.Ordinal);
        var firewallOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var typesIn = zones.ToDictionary(z => Id(z), _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var asset in assets)
        {
            var id = Id(asset);
            if (typeOf[id] is { } type)
            {
                typesIn[zoneOf[id]].Add(type);
            }

            if (typeOf[id] is "firewall" or "data-diode")
            {
                firewallOf.TryAdd(zoneOf[id], id);
            }
        }

        var byPair = new Dictionary<(string, string), JsonObject>();
        foreach (var conduit in conduits)
        {
            var pair = Pair((string)conduit!["zones"]![0]!, (string)conduit["zones"]![1]!);
            byPair.TryAdd(pair, conduit.AsObject());
        }

        var added = 0;
        foreach (var flow in flows)
        {
            var (from, to) = ((string)flow!["from"]!, (string)flow["to"]!);
            var (zoneFrom, zoneTo) = (zoneOf[from], zoneOf[to]);
            if (zoneFrom == zoneTo)
            {
                continue;
            }

            var pair = Pair(zoneFrom, zoneTo);
            if (!byPair.TryGetValue(pair, out var conduit))
            {
                var device = firewallOf.GetValueOrDefault(zoneTo) ?? firewallOf.GetValueOrDefault(zoneFrom);
                conduit = new JsonObject
                {
                    ["id"] = $"cp{added++:D6}",
                    ["zones"] = new JsonArray(pair.Item1, pair.Item2),
                    ["boundary"] = device is null ? new JsonArray() : new JsonArray(device),
                };
                conduits.Add(conduit);
                byPair.Add(pair, conduit);
            }

            var boundary = conduit["boundary"]!.AsArray();
            if (boundary.Count == 0)
            {
                continue;
            }

            conduit["denyByDefault"] = true;
            var rule = new JsonObject { ["device"] = (string)boundary[0]!, ["from"] = from, ["to"] = to };
            if (flow["protocol"] is { } protocol)
            {
                rule["protocol"] = (string)protocol!;
            }

            if (flow["port"] is { } port)
            {
                rule["port"] = (int)port!;
            }

            if ((string?)flow["direction"] == "bidirectional")
            {
                rule["direction"] = "bidirectional";
            }

            Rules(conduit).Add(rule);
        }

        foreach (var ((a, b), conduit) in byPair)
        {
            if (conduit["boundary"]!.AsArray().Count > 0 && (kindOf[a], kindOf[b]) is ("supervisory", "control") or ("control", "supervisory"))
            {
                var supervisory = kindOf[a] == "supervisory" ? a : b;
                var control = supervisory == a ? b : a;
                if (typesIn[supervisory].Contains("engineering-workstation") && typesIn[control].Contains("plc"))
                {
                    conduit["denyByDefault"] = true;
                    Rules(conduit).Add(new JsonObject
                    {
                        ["device"] = (string)conduit["boundary"]![0]!,
                        ["from"] = "type:engineering-workstation",
                        ["to"] = "type:plc",
                        ["protocol"] = "s7",
                        ["port"] = 102,
                    });
                }
            }
        }

        foreach (var zone in zones)
        {
            var id = Id(zone);
            if (kindOf[id] == "safety" && typesIn[id].Contains("hmi") && typesIn[id].Contains("plc"))
            {
                zone!["segmented"] = true;
                zone["allow"] = new JsonArray(new JsonObject { ["from"] = "type:hmi", ["to"] = "type:plc", ["direction"] = "bidirectional" });
            }
        }

        var neighbours = byPair.Keys.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.Select(p => p.Item2).ToList(), StringComparer.Ordinal);
        var workstations = 0;
        foreach (var asset in assets)
        {
            var id = Id(asset);
            if (typeOf[id] == "engineering-workstation" && workstations++ % 100 == 0
                && neighbours.TryGetValue(zoneOf[id], out var near) && near.Count > 0)
            {
                asset!["interfaces"] = new JsonArray(new JsonObject { ["zone"] = near[0] });
            }
        }

        if (root["conduits"] is null)
        {
            root["conduits"] = conduits;
        }

        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Options.Encoder });
        root.WriteTo(writer, Options);
    }

    private static JsonArray Rules(JsonObject conduit) => conduit["allow"]?.AsArray() ?? (JsonArray)(conduit["allow"] = new JsonArray());

    private static string Id(JsonNode? entity) => (string)entity!["id"]!;

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
