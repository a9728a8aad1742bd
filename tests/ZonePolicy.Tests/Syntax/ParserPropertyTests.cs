using System.Runtime.CompilerServices;
using CsCheck;
using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;

namespace ZonePolicy.Tests.Syntax;

public class ParserPropertyTests
{
    // Characters that matter to the tokenizer and the grammar, so that random text gets past the first token.
    private const string Alphabet = "{}()[]\"\\@.,-=!<>+*/%#&|' \n\r\tazAZ09_é\u200B";

    private static readonly string[] Examples =
        [.. Directory.GetFiles(Path.Combine(SourceFolder(), "Examples"), "*.zpol").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static readonly string[] Fragments =
    [
        "rule", "require", "forbid", "message", "{", "}", "(", ")", "[", "]", "\"", "\\", "{{", "}}", "not", "-", "in",
        "@2026-02-30", "12x", "/*", "//", "\n", ",", ".", "avoid", "where", "select", "let", "param", "pack", "\0", "\uFFFD",
    ];

    [Fact]
    public void Parsing_arbitrary_text_never_throws()
    {
        Gen.String.Sample(AssertParsesSafely, iter: 5_000);
    }

    [Fact]
    public void Parsing_text_made_of_the_language_s_characters_never_throws()
    {
        Gen.Char[Alphabet].Array[0, 400].Select(chars => new string(chars)).Sample(AssertParsesSafely, iter: 5_000);
    }

    [Fact]
    public void Parsing_mutations_of_valid_rule_files_never_throws()
    {
        var edit = Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 2], Gen.OneOfConst(Fragments));
        Gen.Select(Gen.Int[0, Examples.Length - 1], edit.Array[1, 8])
            .Select((example, edits) => Mutate(Examples[example], edits))
            .Sample(AssertParsesSafely, iter: 5_000);
    }

    [Fact]
    public void Reading_arbitrary_parameter_values_never_throws()
    {
        Gen.String.Sample(text => { RuleParser.TryParseLiteral(text, out _); }, iter: 5_000);
        Gen.Char[Alphabet].Array[0, 40].Select(chars => new string(chars)).Sample(text => { RuleParser.TryParseLiteral(text, out _); }, iter: 5_000);
    }

    [Fact]
    public void The_valid_examples_parse_without_diagnostics()
    {
        Assert.All(Examples, text => Assert.Empty(RuleParser.Parse(text, "example.zpol").Diagnostics));
    }

    private static void AssertParsesSafely(string text)
    {
        var first = RuleParser.Parse(text, "fuzz.zpol");
        var second = RuleParser.Parse(text, "fuzz.zpol");
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
        Assert.True(first.Unit is not null || first.Diagnostics.Count > 0);
        foreach (var diagnostic in first.Diagnostics)
        {
            Assert.True(DiagnosticDescriptors.IsEngineId(diagnostic.Id));
            Assert.True(diagnostic.Location.Line >= 1 && diagnostic.Location.Column >= 1, $"{diagnostic} has no position");
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        }
    }

    private static string Mutate(string text, (int Position, int Kind, string Fragment)[] edits)
    {
        foreach (var (position, kind, fragment) in edits)
        {
            var at = text.Length == 0 ? 0 : position % text.Length;
            text = kind switch
            {
                0 => text.Insert(at, fragment),
                1 => text.Remove(at, Math.Min(fragment.Length, text.Length - at)),
                _ => text.Remove(at, Math.Min(fragment.Length, text.Length - at)).Insert(at, fragment),
            };
        }

        return text;
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
