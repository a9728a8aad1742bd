using System.Text.RegularExpressions;

namespace ZonePolicy.Tests.Testing;

/// <summary>The shipped packs keep their promises: a page per rule, a README that lists rules and parameters.</summary>
public sealed partial class ShippedPackLayoutTests
{
    public static TheoryData<string, string> Packs => new()
    {
        { "meti-factory-guidelines", "METI-" },
        { "iec62443-zones", "IEC-" },
        { "semi-e187-baseline", "E187-" },
    };

    [Theory]
    [MemberData(nameof(Packs))]
    public void Every_rule_has_the_pack_prefix_a_help_page_and_a_readme_entry(string pack, string prefix)
    {
        var folder = PackFolder(pack);
        var text = File.ReadAllText(Path.Combine(folder, pack + ".zpol"));
        var readme = File.ReadAllText(Path.Combine(folder, "README.md"));
        var rules = RulePattern().Matches(text).Select(m => (Id: m.Groups["id"].Value, Help: m.Groups["help"].Value)).ToList();

        Assert.True(rules.Count >= 10, $"{pack} has {rules.Count} rules");
        foreach (var (id, help) in rules)
        {
            Assert.StartsWith(prefix, id, StringComparison.Ordinal);
            Assert.Equal($"docs/{id}.md", help);
            Assert.True(File.Exists(Path.Combine(folder, help)), $"{id} has no page {help}");
            Assert.Contains($"| [{id}](docs/{id}.md) |", readme, StringComparison.Ordinal);
        }

        var pages = Directory.EnumerateFiles(Path.Combine(folder, "docs"), "*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(rules.Select(r => r.Id).Order(StringComparer.Ordinal), pages.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PackNames))]
    public void Every_rule_page_shows_the_rule_as_the_pack_has_it(string pack)
    {
        var folder = PackFolder(pack);
        var text = File.ReadAllText(Path.Combine(folder, pack + ".zpol")).ReplaceLineEndings("\n");

        foreach (Match rule in RuleTextPattern().Matches(text))
        {
            var page = File.ReadAllText(Path.Combine(folder, "docs", rule.Groups["id"].Value + ".md")).ReplaceLineEndings("\n");
            var shown = PageRulePattern().Match(page);
            Assert.True(shown.Success, $"the page of {rule.Groups["id"].Value} has no `## The rule` section");
            Assert.Equal(rule.Value, shown.Groups["rule"].Value);
        }
    }

    public static TheoryData<string> PackNames => new() { "meti-factory-guidelines", "iec62443-zones", "semi-e187-baseline" };

    [Theory]
    [MemberData(nameof(PackNames))]
    public void The_header_names_the_folder_and_the_readme_lists_every_parameter(string pack)
    {
        var folder = PackFolder(pack);
        var text = File.ReadAllText(Path.Combine(folder, pack + ".zpol"));
        var readme = File.ReadAllText(Path.Combine(folder, "README.md"));

        Assert.Matches($"(?m)^pack {pack.Replace('-', '.')} version \"\\d+\\.\\d+\\.\\d+\" title \"[^\"]+\"$", text);
        foreach (Match param in ParamPattern().Matches(text))
        {
            Assert.Contains($"| `{param.Groups["name"].Value}` |", readme, StringComparison.Ordinal);
        }
    }

    internal static string PackFolder(string pack)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ZonePolicy.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "rules", pack);
    }

    [GeneratedRegex("(?ms)^rule (?<id>\\S+) \"[^\"]*\" \\{.*?^\\s*help \"(?<help>[^\"]+)\".*?^\\}")]
    private static partial Regex RulePattern();

    [GeneratedRegex("(?ms)^rule (?<id>\\S+) \"[^\"]*\" \\{\n.*?^\\}")]
    private static partial Regex RuleTextPattern();

    [GeneratedRegex("(?ms)^## The rule\n\n```zpol\n(?<rule>.*?)\n```")]
    private static partial Regex PageRulePattern();

    [GeneratedRegex("(?m)^param (?<name>\\w+) =")]
    private static partial Regex ParamPattern();
}
