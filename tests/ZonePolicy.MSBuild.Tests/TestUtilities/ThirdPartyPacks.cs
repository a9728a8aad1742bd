namespace ZonePolicy.MSBuild.Tests.TestUtilities;

/// <summary>
/// Two packs of a third party, written as sources and packed with <c>zpol pack</c> into the test feed:
/// <c>acme-common</c> 1.0.0, and <c>acme-plant</c> 1.0.0 and 1.1.0, which depend on it. Each rule
/// reports every control zone with its pack's name and version, so a finding says which version ran.
/// <c>acme-common</c> has a C# function, which writes the zone's id in capitals in its messages.
/// </summary>
internal static class ThirdPartyPacks
{
    public static readonly (string Name, string Version, string? Dependency)[] All =
    [
        ("acme-common", "1.0.0", null),
        ("acme-plant", "1.0.0", "[1.0.0, 2.0.0)"),
        ("acme-plant", "1.1.0", "[1.0.0, 2.0.0)"),
    ];

    private const string Function = """
        ,
          "functions": [{ "name": "shout", "script": "functions/text.csx", "parameters": [{ "name": "text", "type": "string" }], "returns": "string" }]
        """;

    public static string RuleId(string name) => name == "acme-common" ? "ACME-COMMON-01" : "ACME-PLANT-01";

    /// <summary>What a pack's rule says about a zone.</summary>
    public static string Message(string name, string version, string zone) =>
        $"{(name == "acme-common" ? zone.ToUpperInvariant() : zone)} is checked by {name} {version}";

    private static string MessageTemplate(string name, string version) =>
        $"{(name == "acme-common" ? "{shout(z.id)}" : "{z}")} is checked by {name} {version}";

    /// <summary>An Acme pack's manifest: its identity, then <paramref name="rest"/> (the engine version, dependencies, functions).</summary>
    public static string Manifest(string name, string version, string rest) => $$"""
        {
          "name": "{{name}}",
          "version": "{{version}}",
          "title": "Acme {{name}} rules",
          "license": "MIT",
          "authors": ["Acme OT security"],
          "standards": [{ "name": "Acme OT baseline" }],
          {{rest}}
        }
        """;

    /// <summary>Writes the pack's sources into <c>{root}/{name}-{version}/{name}</c> and returns that folder.</summary>
    public static string WriteSources(string root, string name, string version, string? dependency)
    {
        var folder = Path.Combine(root, $"{name}-{version}", name);
        Directory.CreateDirectory(Path.Combine(folder, "tests"));
        var dependencies = dependency is null ? "" : $",\n  \"dependencies\": {{ \"acme-common\": \"{dependency}\" }}";
        File.WriteAllText(Path.Combine(folder, "pack.json"), Manifest(name, version, $"\"minEngineVersion\": \"0.1.0\"{dependencies}{(dependency is null ? Function : "")}"));
        File.WriteAllText(Path.Combine(folder, "README.md"), $"# {name}\n\nAcme's {name} rules.\n");
        var import = dependency is null ? "" : "import \"pack:acme-common/helpers.zpol\"\n\n";
        var condition = dependency is null ? "z.kind == control_kind" : "is_control(z)";
        File.WriteAllText(Path.Combine(folder, "rules.zpol"), $$"""
            {{import}}rule {{RuleId(name)}} "control zones are reviewed" {
              severity warning
              for zone z where {{condition}}
              require false
              message "{{MessageTemplate(name, version)}}"
            }

            """);
        if (dependency is null)
        {
            File.WriteAllText(Path.Combine(folder, "helpers.zpol"), "param control_kind = \"control\"\n\nlet is_control(z) = z.kind == control_kind\n");
            Directory.CreateDirectory(Path.Combine(folder, "functions"));
            File.WriteAllText(Path.Combine(folder, "functions", "text.csx"), "static string shout(string text) => text.ToUpperInvariant();\n");
        }

        File.WriteAllText(Path.Combine(folder, "tests", "clean.json"), """{ "schemaVersion": "1", "zones": [ { "id": "cell", "kind": "control" } ] }""");
        File.WriteAllText(Path.Combine(folder, "tests", "clean.expect"), $"only {RuleId(name)}\n{RuleId(name)} cell\n");
        return folder;
    }
}
