using ZonePolicy.Inputs;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Workspace;

/// <summary>A check session gives what a fresh check gives, uses unsaved texts over the disk, and reuses what did not change.</summary>
public sealed class CheckSessionTests : IDisposable
{
    private const string Rules = """
        param min_sl = 2
        rule ZN-1 "zones have a level" {
          for zone z
          require z.securityLevel >= min_sl
          message "{z} has level {z.securityLevel}"
        }
        """;

    private readonly TempWorkspace workspace = new();
    private readonly string rules;
    private readonly string site;

    public CheckSessionTests()
    {
        rules = workspace.Write("rules/zones.zpol", Rules);
        site = workspace.Write("site.topology.json", Site(1));
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Each_check_of_a_session_equals_a_fresh_check_as_texts_change()
    {
        var session = new CheckSession();
        var edits = new[]
        {
            new Dictionary<string, string>(),
            new() { [site] = Site(3) },
            new() { [site] = Site(3), [rules] = Rules.Replace("min_sl = 2", "min_sl = 4") },
            new() { [rules] = Rules.Replace("z.securityLevel >=", "z.securityLevl >=") },
            new() { [rules] = Rules, [site] = "{ \"schemaVersion\": \"1\", \"zones\": [" },
            new(),
        };

        foreach (var documents in edits)
        {
            var request = Request(documents);
            Assert.Equal(Lines(PolicyEngine.Check(request)), Lines(session.Check(request)));
        }
    }

    [Fact]
    public void Unsaved_texts_win_over_the_disk_and_a_new_unsaved_rule_file_joins_its_folder()
    {
        var added = Path.Combine(workspace.Root, "rules", "more.zpol");
        var request = Request(new Dictionary<string, string>
        {
            [site] = Site(3),
            [added] = """rule ZN-2 "zones are named" { for zone z require has(z.name) }""",
        });

        var result = new CheckSession().Check(request);

        Assert.Equal([$"ZN-2 {site}(1,36): zones are named"], Lines(result));
    }

    [Fact]
    public void An_edit_of_the_topology_reuses_the_compiled_rules_and_an_edit_of_a_rule_reuses_the_model()
    {
        var session = new CheckSession();
        session.Check(Request([]));
        var program = session.Programs.Current;

        session.Check(Request(new Dictionary<string, string> { [site] = Site(2) }));
        Assert.Same(program, session.Programs.Current);
        var model = session.Sites.Load(Input(site, Site(2))).Model;

        session.Check(Request(new Dictionary<string, string> { [site] = Site(2), [rules] = Rules + "\n" }));
        Assert.NotSame(program, session.Programs.Current);
        Assert.NotNull(model);
        Assert.Same(model, session.Sites.Load(Input(site, Site(2))).Model);
    }

    private CheckRequest Request(Dictionary<string, string> documents) => new()
    {
        TopologyFiles = [site],
        RuleSources = [Path.GetDirectoryName(rules)!],
        Today = new DateOnly(2026, 11, 25),
        Documents = documents,
    };

    private static InputFile Input(string path, string text) => new(path, path, System.Text.Encoding.UTF8.GetBytes(text), null);

    private static string[] Lines(CheckResult result) =>
        result.Diagnostics.Select(d => $"{d.Id} {d.Location}: {d.Message}").ToArray();

    private static string Site(int level) =>
        $$"""{ "schemaVersion": "1", "zones": [ { "id": "za", "kind": "control", "securityLevel": {{level}} } ] }""";
}
