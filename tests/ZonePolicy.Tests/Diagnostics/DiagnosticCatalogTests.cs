using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Tests.Diagnostics;

public sealed class DiagnosticCatalogTests
{
    [Fact]
    public void Every_id_is_well_formed_unique_and_in_its_range()
    {
        var ids = DiagnosticCatalog.All.Select(d => d.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(new Regex("^ZP0(0[0-9][1-9]|0[1-9]0|[1-3][0-9]{2}|9[0-9]{2})$"), id));
        Assert.All(DiagnosticCatalog.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Title)));
    }

    [Fact]
    public void Every_id_constant_is_in_the_catalog()
    {
        var constants = typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetValue(null)!);

        Assert.All(constants, id => Assert.True(DiagnosticCatalog.IsEngineId(id), $"{id} is not in the catalog"));
    }

    [Fact]
    public void Every_id_has_a_documentation_page_with_the_standard_sections()
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        var index = File.ReadAllText(Path.Combine(folder, "README.md"));

        foreach (var descriptor in DiagnosticCatalog.All)
        {
            var page = Path.Combine(folder, descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no page");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {descriptor.Id}: ", text);
            Assert.Contains("## Cause", text);
            Assert.Contains("## How to fix", text);
            Assert.Contains("## How to suppress", text);
            Assert.Contains($"[{descriptor.Id}]({descriptor.Id}.md)", index);
        }
    }

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
