using System.Text.Json;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Packs;

/// <summary>Writes pack folders (manifest and rules) into a workspace, for resolution and import tests.</summary>
internal static class PackFolders
{
    public const string Site = """
        { "schemaVersion": "1", "zones": [ { "id": "z1", "kind": "control" } ] }
        """;

    /// <summary>A manifest with every required property; <paramref name="extra"/> adds or replaces top-level ones.</summary>
    public static string Manifest(string name, string version, IReadOnlyDictionary<string, string>? dependencies = null, string extra = "")
    {
        var deps = dependencies is null || dependencies.Count == 0
            ? ""
            : ",\n  \"dependencies\": {" + string.Join(", ", dependencies.Select(d => $"{JsonSerializer.Serialize(d.Key)}: {JsonSerializer.Serialize(d.Value)}")) + "}";
        return $$"""
            {
              "name": "{{name}}",
              "version": "{{version}}",
              "title": "The {{name}} pack",
              "license": "MIT",
              "authors": ["Test authors"],
              "standards": [{ "name": "Test standard 1" }],
              "minEngineVersion": "0.1.0"{{deps}}{{extra}}
            }
            """;
    }

    /// <summary>A rule that reports every zone, with an id made from the pack's name and version.</summary>
    public static string Rule(string id) => $$"""
        rule {{id}} "zones are reported" {
          severity warning
          for zone z
          require false
          message "{z} seen by {{id}}"
        }

        """;

    /// <summary>Writes <c>{folder}/{name}/</c> with a manifest and one rule file; returns the pack's folder.</summary>
    public static string Write(TempWorkspace workspace, string folder, string name, string version, IReadOnlyDictionary<string, string>? dependencies = null, string? rules = null, string extra = "")
    {
        var root = Path.Combine(folder, name);
        workspace.Write(Path.Combine(root, "pack.json"), Manifest(name, version, dependencies, extra));
        workspace.Write(Path.Combine(root, "rules.zpol"), rules ?? Rule(RuleId(name, version)));
        return Path.Combine(workspace.Root, root);
    }

    /// <summary>Adds tests/clean.json and tests/clean.expect that expect the pack's own rule to report the zone.</summary>
    public static void WriteTests(TempWorkspace workspace, string packFolder, string ruleId)
    {
        workspace.Write(Path.Combine(packFolder, "tests", "clean.json"), Site);
        workspace.Write(Path.Combine(packFolder, "tests", "clean.expect"), $"only {ruleId}\n{ruleId} z1\n");
    }

    /// <summary>A nuget.config that names only <paramref name="feed"/> and keeps packages in <paramref name="packages"/>.</summary>
    public static string NuGetConfig(string feed, string packages) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="test-feed" value="{feed}" />
          </packageSources>
          <config>
            <add key="globalPackagesFolder" value="{packages}" />
          </config>
        </configuration>
        """;

    public static string RuleId(string name, string version) =>
        "T-" + string.Concat(name.Split('-', '.').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "-" + version.Replace('.', '-').Replace("-", "");
}
