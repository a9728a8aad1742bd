using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Xunit;
using ZonePolicy.Topology;

namespace ZonePolicy.Tests.Topology;

public class SchemaPatternTests
{
    // Characters of the classes below and their edges, mixed with any ASCII character.
    private static readonly Gen<string> AsciiText = Gen.OneOf(Gen.Char['\0', '\x7f'], Gen.Char["abcxz09-]\\[\n\t\x1f\x7f "])
        .Array[0, 12].Select(chars => new string(chars));

    [Theory]
    [InlineData(@"^[^\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]+$")]
    [InlineData("^[a-z0-9-]*$")]
    [InlineData(@"^[\]\\a]+$")]
    [InlineData(@"^[^\s\]]+$")]
    [InlineData("^[a-z-[aeiou]]+$")]
    [InlineData("^[a-c]+$|^x$")]
    [InlineData(@"^[a\\]+$")]
    [InlineData("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
    public void Pattern_matches_ASCII_text_as_its_regular_expression_does(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        var compiled = new SchemaPattern(pattern);

        AsciiText.Sample(text => Assert.Equal(regex.IsMatch(text), compiled.IsMatchAscii(Encoding.ASCII.GetBytes(text))), iter: 3_000);
    }

    [Fact]
    public void An_id_of_the_schema_matches_only_without_control_characters()
    {
        var id = new SchemaPattern(@"^[^\u0000-\u001F\u007F-\u009F]+$");

        Assert.True(id.IsMatchAscii("a000001-plc 7/x"u8));
        Assert.False(id.IsMatchAscii(""u8));
        Assert.False(id.IsMatchAscii("a\u007fb"u8));
        Assert.False(id.IsMatchAscii("a\tb"u8));
    }
}
