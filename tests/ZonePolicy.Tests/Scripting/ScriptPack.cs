using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Scripting;

/// <summary>A pack with C# functions in a workspace: its manifest, one script, its rules, a site, and a private script cache.</summary>
internal sealed class ScriptPack : IDisposable
{
    public const string Site = """
        { "schemaVersion": "1", "zones": [ { "id": "cell", "kind": "control" } ],
          "assets": [
            { "id": "plc-1", "zone": "cell", "type": "plc", "firmware": { "version": "2.3.9" } },
            { "id": "plc-2", "zone": "cell", "type": "plc", "firmware": { "version": "2.10" } },
            { "id": "hmi-1", "zone": "cell", "type": "hmi" }
          ] }
        """;

    private readonly TempWorkspace workspace = new();

    public ScriptPack(string functions, string script, string rules)
    {
        Folder = Path.Combine(workspace.Root, "acme-fw");
        workspace.Write("acme-fw/pack.json", $$"""
            {
              "name": "acme-fw",
              "version": "1.0.0",
              "title": "Firmware checks",
              "license": "MIT",
              "authors": ["Acme"],
              "standards": [{ "name": "Acme OT baseline" }],
              "minEngineVersion": "0.1.0",
              "functions": [
            {{functions}}
              ]
            }
            """);
        Script = workspace.Write("acme-fw/functions/fw.csx", script);
        RuleFile = workspace.Write("acme-fw/rules.zpol", rules);
        SiteFile = workspace.Write("site.json", Site);
        Cache = Path.Combine(workspace.Root, "cache");
    }

    public string Folder { get; }

    public string Script { get; }

    public string RuleFile { get; }

    public string SiteFile { get; }

    public string Cache { get; }

    /// <summary>A function declaration for the manifest: name, parameters as `name: type`, return type.</summary>
    public static string Function(string name, string returns, params string[] parameters) =>
        $$"""    { "name": "{{name}}", "script": "functions/fw.csx", "parameters": [{{string.Join(", ", parameters.Select(p => p.Split(": ")).Select(p => $$"""{ "name": "{{p[0]}}", "type": "{{p[1]}}" }"""))}}], "returns": "{{returns}}" }""";

    public string Write(string relativePath, string content) => workspace.Write(Path.Combine("acme-fw", relativePath), content);

    public CheckResult Check(bool trusted = true) => PolicyEngine.Check(Request(trusted));

    /// <summary>A check in a session, as the language server runs one on every change.</summary>
    public CheckResult Check(CheckSession session) => session.Check(Request(trusted: true));

    private CheckRequest Request(bool trusted) => new()
    {
        TopologyFiles = [SiteFile],
        RuleSources = [Folder],
        TrustedPacks = trusted ? ["acme-fw"] : [],
        ScriptCacheDirectory = Cache,
        Today = new DateOnly(2026, 11, 25),
    };

    public void Dispose() => workspace.Dispose();
}
