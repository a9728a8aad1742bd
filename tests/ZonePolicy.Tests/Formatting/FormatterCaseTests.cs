using System.Runtime.CompilerServices;
using ZonePolicy.Formatting;

namespace ZonePolicy.Tests.Formatting;

/// <summary>
/// Representative layouts: each <c>Cases/name.zpol</c> formats to exactly <c>Cases/name.formatted.zpol</c>. On a
/// difference the actual text is written beside them as <c>name.received.txt</c>.
/// </summary>
public sealed class FormatterCaseTests
{
    public static TheoryData<string> Cases => [.. Directory.GetFiles(CasesFolder(), "*.zpol")
        .Select(Path.GetFileName)
        .Where(name => !name!.EndsWith(".formatted.zpol", StringComparison.Ordinal))
        .Select(name => name![..^".zpol".Length])
        .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_case_formats_to_its_expected_text(string name)
    {
        var result = RuleFormatter.Format(File.ReadAllText(Path.Combine(CasesFolder(), name + ".zpol")), name + ".zpol");
        Assert.Empty(result.Diagnostics);

        var expected = File.ReadAllText(Path.Combine(CasesFolder(), name + ".formatted.zpol"));
        var received = Path.Combine(CasesFolder(), name + ".received.txt");
        if (result.Text == expected)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, result.Text);
        Assert.Fail($"{name}.zpol does not format to {name}.formatted.zpol; compare it with {received}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_expected_text_is_its_own_format(string name)
    {
        var expected = File.ReadAllText(Path.Combine(CasesFolder(), name + ".formatted.zpol"));

        Assert.Equal(expected, RuleFormatter.Format(expected, name + ".formatted.zpol").Text);
    }

    private static string CasesFolder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Cases");
}
