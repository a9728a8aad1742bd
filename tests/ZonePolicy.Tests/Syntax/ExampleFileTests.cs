using System.Runtime.CompilerServices;
using Xunit;
using ZonePolicy.Syntax;

namespace ZonePolicy.Tests.Syntax;

/// <summary>
/// The example rule files of the language reference parse without errors to the trees in their
/// <c>.verified.txt</c> files. On a difference the actual tree is written beside them as <c>.received.txt</c>.
/// </summary>
public class ExampleFileTests
{
    public static TheoryData<string> Examples => ["zoning", "null-and-location", "paths", "waivers"];

    [Theory]
    [MemberData(nameof(Examples))]
    public void An_example_parses_to_its_verified_tree(string name)
    {
        var folder = Path.Combine(SourceFolder(), "Examples");
        var result = RuleParser.Parse(File.ReadAllText(Path.Combine(folder, name + ".zpol")), name + ".zpol");
        Assert.Empty(result.Diagnostics);

        var actual = SyntaxPrinter.Print(result.Unit!) + "\n";
        var verified = Path.Combine(folder, name + ".verified.txt");
        var received = Path.Combine(folder, name + ".received.txt");
        if (File.Exists(verified) && File.ReadAllText(verified).ReplaceLineEndings("\n") == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"the tree of {name}.zpol differs from {name}.verified.txt; compare it with {received}");
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
