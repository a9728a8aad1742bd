using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Workspace;

/// <summary>
/// After an edit of a topology, a session evaluates again only the rules that read something the edit changed
/// and moves the others' findings over to the new model: its findings must stay exactly those of a fresh check
/// (places, bound entities, witness paths, waivers), whatever the edit changed.
/// </summary>
public sealed class IncrementalCheckTests : IDisposable
{
    private const string Case = "samples/annex-a-factory/case2-remote-maintenance.topology.json";

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    public static TheoryData<string> RuleSets()
    {
        var sets = new TheoryData<string>();
        foreach (var pack in Directory.EnumerateDirectories(Path.Combine(RepositoryRoot(), "rules")).Order(StringComparer.Ordinal))
            sets.Add($"rules/{Path.GetFileName(pack)}");
        sets.Add("samples/annex-a-factory/rules");
        return sets;
    }

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Every_check_after_an_edit_of_a_value_equals_a_fresh_check(string rules)
    {
        var site = workspace.Write("site.topology.json", File.ReadAllText(Path.Combine(RepositoryRoot(), Case)));
        var baseText = Reformat(File.ReadAllText(site));
        var session = new CheckSession();
        var checks = 0;
        foreach (var text in new[] { baseText, "\n\n" + baseText }.Concat(Edits(baseText)))
        {
            var request = Request(rules, site, text);
            Assert.Equal(Lines(PolicyEngine.Check(request)), Lines(session.Check(request)));
            checks++;
        }

        Assert.True(checks > 20, $"only {checks} edits");
    }

    [Fact]
    public void An_edit_of_a_value_no_rule_reads_keeps_every_finding_and_one_that_a_rule_reads_evaluates_that_rule_again()
    {
        const string Rules = """
            rule ZN-1 "zones have a level" { for zone z require z.securityLevel >= 3 }
            rule ZN-2 "zones are named" { for zone z require has(z.name) }
            """;
        var rules = workspace.Write("rules/zones.zpol", Rules);
        var site = workspace.Write("site.topology.json", Zone(level: 1, location: "hall"));
        var session = new CheckSession();
        Check(session, rules, site, Zone(level: 1, location: "hall"));
        var program = session.Programs.Current!;

        session.Sites.Load(Input(site, "\n" + Zone(level: 1, location: "yard")));
        var moved = session.Sites.Reuse(Input(site, "\n" + Zone(level: 1, location: "yard")), program, Today);
        session.Sites.Load(Input(site, "\n" + Zone(level: 2, location: "hall")));
        var leveled = session.Sites.Reuse(Input(site, "\n" + Zone(level: 2, location: "hall")), program, Today);

        Assert.Equal(2, Assert.Single(moved!.For(0)!).At.Location.Line);
        Assert.Empty(moved.For(1)!);
        Assert.Null(leveled!.For(0));
        Assert.Empty(leveled.For(1)!);
        var found = Assert.Single(Check(session, rules, site, "\n" + Zone(level: 2, location: "hall")).Diagnostics);
        Assert.Equal(("ZN-1", 2), (found.Id, found.Location.Line));
    }

    private static CheckResult Check(CheckSession session, string rules, string site, string text) =>
        session.Check(new CheckRequest { TopologyFiles = [site], RuleSources = [rules], Today = Today, Documents = new Dictionary<string, string> { [site] = text } });

    private static readonly DateOnly Today = new(2026, 11, 25);

    private static string Zone(int level, string location) =>
        $$"""{ "schemaVersion": "1", "zones": [ { "id": "za", "name": "A", "kind": "control", "securityLevel": {{level}}, "location": "{{location}}" } ] }""";

    private static InputFile Input(string path, string text) => new(path, path, System.Text.Encoding.UTF8.GetBytes(text), null);

    /// <summary>
    /// The topology with one value changed, for the first two entities of each kind and each of their values: a
    /// number counted up, a flag flipped, a text or a reference replaced by the same member of another entity.
    /// </summary>
    private static IEnumerable<string> Edits(string text)
    {
        var root = JsonNode.Parse(text)!.AsObject();
        foreach (var (kind, entities) in root.Where(p => p.Value is JsonArray).Select(p => (p.Key, p.Value!.AsArray())).ToList())
        {
            for (var index = 0; index < Math.Min(2, entities.Count); index++)
            {
                foreach (var member in entities[index]!.AsObject().Select(p => p.Key).Where(k => k != "id").ToList())
                {
                    var edited = JsonNode.Parse(text)!;
                    var entity = edited[kind]![index]!.AsObject();
                    if (Changed(entity[member], edited[kind]!.AsArray().Select(e => e![member]).Skip(index + 1)) is { } value)
                    {
                        entity[member] = value;
                        yield return edited.ToJsonString(Indented);
                    }
                }
            }
        }
    }

    private static JsonNode? Changed(JsonNode? value, IEnumerable<JsonNode?> others) => value switch
    {
        JsonValue v when v.TryGetValue<bool>(out var flag) => JsonValue.Create(!flag),
        JsonValue v when v.TryGetValue<long>(out var number) => JsonValue.Create(number + 1),
        _ => others.FirstOrDefault(o => o is not null && !JsonNode.DeepEquals(o, value))?.DeepClone(),
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Reformat(string text) => JsonNode.Parse(text)!.ToJsonString(Indented);

    private CheckRequest Request(string rules, string site, string text) => new()
    {
        TopologyFiles = [site],
        RuleSources = [Path.Combine(RepositoryRoot(), rules)],
        Today = Today,
        Documents = new Dictionary<string, string> { [site] = text },
    };

    private static string[] Lines(CheckResult result) =>
    [
        .. result.Diagnostics.Concat(result.Suppressed).Select(d =>
            $"{d} [{string.Join(",", d.Entities)}] via [{string.Join(" ", d.Witness.Select(s => $"{s.EntityId}@{s.Location}"))}] waiver={d.Waiver?.Reason}"),
    ];

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
