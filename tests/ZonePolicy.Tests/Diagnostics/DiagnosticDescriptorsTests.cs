using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Tests.Diagnostics;

public sealed class DiagnosticDescriptorsTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> EveryMessage = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToList();

    [Fact]
    public void Every_id_is_well_formed_unique_and_in_its_range()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(new Regex("^ZP0(0[0-9][1-9]|0[1-9]0|[1-4][0-9]{2}|9[0-9]{2})$"), id));
        Assert.All(DiagnosticDescriptors.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Title)));
    }

    [Fact]
    public void Every_id_constant_has_one_descriptor()
    {
        var constants = typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal);

        Assert.Equal(constants, DiagnosticDescriptors.All.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_message_belongs_to_a_registered_id_and_shares_its_title_category_severity_and_help()
    {
        Assert.All(EveryMessage, message =>
        {
            var descriptor = DiagnosticDescriptors.Get(message.Id);
            Assert.Equal(
                (descriptor.Title, descriptor.Category, descriptor.DefaultSeverity, descriptor.HelpLinkUri),
                (message.Title, message.Category, message.DefaultSeverity, message.HelpLinkUri));
        });
    }

    [Theory]
    [InlineData("ZP0001", "Syntax")]
    [InlineData("ZP0112", "Binding")]
    [InlineData("ZP0204", "Topology")]
    [InlineData("ZP0314", "Configuration")]
    [InlineData("ZP0402", "Evaluation")]
    [InlineData("ZP0901", "Internal")]
    public void The_category_and_help_link_follow_from_the_id(string id, string category)
    {
        var descriptor = DiagnosticDescriptors.Get(id);

        Assert.Equal(category, descriptor.Category.ToString());
        Assert.Equal("https://zonepolicy.dev/docs/diagnostics/" + id, descriptor.HelpLinkUri);
    }

    [Fact]
    public void Every_message_is_one_line_in_the_house_style()
    {
        Assert.All(EveryMessage, message =>
        {
            var sample = message.Format(Enumerable.Repeat<object?>("x", message.ArgumentCount).ToArray());
            Assert.DoesNotContain('\n', sample);
            Assert.False(char.IsUpper(sample[0]), $"{message.Id} `{message.MessageFormat}` starts with a capital");
            Assert.False(sample.EndsWith('.'), $"{message.Id} `{message.MessageFormat}` ends with a period");
            Assert.DoesNotContain(", did you mean", message.MessageFormat);
        });
    }

    [Fact]
    public void A_message_takes_exactly_the_arguments_its_format_names()
    {
        var descriptor = DiagnosticDescriptors.UnknownName;

        Assert.Equal("unknown name `zz`; did you mean `z`?", descriptor.Format(["zz", NameSuggestions.DidYouMean("zz", ["z"])]));
        Assert.Throws<ArgumentException>(() => descriptor.Format(["zz"]));
    }

    [Fact]
    public void Every_id_has_a_documentation_page_with_the_standard_sections()
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        var index = File.ReadAllText(Path.Combine(folder, "README.md"));

        foreach (var descriptor in DiagnosticDescriptors.All)
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
