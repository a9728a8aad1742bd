using System.Text;
using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
using static ZonePolicy.Tests.Topology.TopologyTestSupport;

namespace ZonePolicy.Tests.Topology;

public class InvalidJsonTests
{
    [Fact]
    public void Missing_comma_is_reported_at_the_parsers_line_and_column()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1"
              "zones": []
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 3, 3);
        Assert.Equal("invalid JSON: expected `,` or `}` after a property value, found `\"`", diagnostic.Message);
    }

    [Fact]
    public void Missing_comma_in_an_array_names_the_array()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "zones": [ { "id": "a" } { "id": "b" } ] }""");

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 1, 50);
        Assert.Equal("invalid JSON: expected `,` or `]` after an array element, found `{`", diagnostic.Message);
    }

    [Fact]
    public void Trailing_comma_is_reported_where_it_is_found()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "a" }, ]
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 3, 29);
        Assert.Equal("invalid JSON: trailing comma before `]`; remove it", diagnostic.Message);
    }

    [Fact]
    public void Comments_are_reported_as_not_allowed()
    {
        var diagnostic = SingleError("""
            {
              // the site
              "schemaVersion": "1"
            }
            """);

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 2, 3);
        Assert.StartsWith("invalid JSON: comments are not allowed in JSON", diagnostic.Message);
    }

    [Fact]
    public void Unclosed_object_names_the_line_it_starts_on()
    {
        var diagnostic = SingleError("""
            {
              "schemaVersion": "1",
              "zones": [ { "id": "a" }
            """);

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 3, 27);
        Assert.Equal("invalid JSON: unexpected end of the file; the array that starts on line 3 is not closed with `]`", diagnostic.Message);
    }

    [Fact]
    public void Misspelled_literal_suggests_the_literal()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "assets": [ { "id": "a", "zone": "z", "logging": ture } ] }""");

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 1, 75);
        Assert.Equal("invalid JSON: `ture` is not a JSON literal; did you mean `true`?", diagnostic.Message);
    }

    [Fact]
    public void Messages_carry_no_reader_internals()
    {
        var inputs = new[] { "{", "{\"a\":1,}", "[1 2]", "{'a':1}", "tru", "{\"a\":\"x\ny\"}", "{\"a\":01}", "{\"a\":-}", "{\"a\":\"\\q\"}", "{\"a\"}", "}", "{\"a\":[1}", "1e" };
        foreach (var input in inputs)
        {
            var diagnostic = SingleError(input);
            Assert.Equal(DiagnosticIds.InvalidJson, diagnostic.Id);
            Assert.StartsWith("invalid JSON: ", diagnostic.Message);
            Assert.DoesNotContain("LineNumber", diagnostic.Message);
            Assert.DoesNotContain("BytePosition", diagnostic.Message);
            Assert.DoesNotContain("Exception", diagnostic.Message);
            Assert.DoesNotContain("reader options", diagnostic.Message, StringComparison.OrdinalIgnoreCase);
            Assert.False(diagnostic.Message.EndsWith('.'), diagnostic.Message);
        }
    }

    [Fact]
    public void Column_counts_characters_not_bytes()
    {
        var diagnostic = SingleError("{ \"name\": \"Hallé 北\" \"x\": 1 }");

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 1, 21);
    }

    [Fact]
    public void Column_counts_a_tab_as_one()
    {
        var diagnostic = SingleError("{\n\t\t\"schemaVersion\": \"1\" \"x\": 1 }");

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 2, 24);
    }

    [Fact]
    public void Empty_file_is_reported_at_the_start()
    {
        var diagnostic = SingleError(string.Empty);

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 1, 1);
        Assert.StartsWith("invalid JSON: the file is empty", diagnostic.Message);
    }

    [Fact]
    public void File_of_whitespace_only_is_empty()
    {
        var diagnostic = SingleError("  \r\n\t\n");

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 1, 1);
        Assert.StartsWith("invalid JSON: the file is empty", diagnostic.Message);
    }

    [Fact]
    public void Binary_file_is_reported_at_its_first_bad_byte()
    {
        var result = TopologyLoader.LoadBytes(new byte[] { (byte)'{', (byte)'\n', 0x00, 0x01, 0x02, 0xFF }, "site.bin");

        var diagnostic = Assert.Single(result.Diagnostics);
        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 2, 1);
        Assert.Equal("invalid JSON: the file is binary, not text (it contains a NUL byte)", diagnostic.Message);
        Assert.Null(result.Model);
    }

    [Fact]
    public void Image_file_is_not_UTF8()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 };
        var diagnostic = Assert.Single(TopologyLoader.LoadBytes(png, "site.png").Diagnostics);

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 1, 1);
        Assert.Equal("invalid JSON: byte 0x89 is not UTF-8 text; save the file as UTF-8", diagnostic.Message);
    }

    [Fact]
    public void Invalid_UTF8_inside_a_string_is_reported_at_the_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("{ \"schemaVersion\": \"1\",\n  \"site\": { \"id\": \"x\" } }");
        bytes[Array.IndexOf(bytes, (byte)'x')] = 0xC3;
        var diagnostic = Assert.Single(TopologyLoader.LoadBytes(bytes, "site.json").Diagnostics);

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 2, 20);
    }

    [Fact]
    public void UTF16_file_is_asked_to_be_saved_as_UTF8()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{ \"schemaVersion\": \"1\" }")).ToArray();
        var diagnostic = Assert.Single(TopologyLoader.LoadBytes(bytes, "site.json").Diagnostics);

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 1, 1);
        Assert.Equal("invalid JSON: the file is UTF-16 text; save it as UTF-8", diagnostic.Message);
    }

    [Fact]
    public void UTF8_byte_order_mark_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{ \"schemaVersion\": \"1\", \"zones\": [ { \"id\": \"z\" } ] }")).ToArray();
        var result = TopologyLoader.LoadBytes(bytes, "site.json");

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Model!.TryGet("z", out var zone));
        Assert.Equal((1, 36), (zone.Location.Line, zone.Location.Column));
    }

    [Fact]
    public void Hundred_thousand_nested_brackets_are_reported_without_overflowing_the_stack()
    {
        var diagnostic = SingleError(new string('[', 100_000));

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 1, 65);
        Assert.Equal("invalid JSON: nesting is deeper than 64 levels", diagnostic.Message);
    }

    [Fact]
    public void Deeply_nested_objects_inside_a_topology_are_reported()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 100_000));
        var diagnostic = SingleError("{ \"schemaVersion\": \"1\", \"site\": " + nested);

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 1, 33 + (63 * 5));
    }

    [Fact]
    public void Unpaired_surrogate_escape_is_reported_at_its_string()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "site": { "id": "\ud800" } }""");

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 1, 41);
        Assert.Contains("unpaired surrogate", diagnostic.Message);
    }

    [Fact]
    public void Number_out_of_range_is_reported_at_the_number()
    {
        var diagnostic = SingleError("""{ "schemaVersion": "1", "zones": [ { "id": "z", "purdueLevel": 1e400 } ] }""");

        AssertAt(diagnostic, DiagnosticIds.InvalidJson, 1, 64);
        Assert.StartsWith("invalid JSON: the number `1e400` is out of range", diagnostic.Message);
        Assert.Equal((1, 69), (diagnostic.Location.EndLine, diagnostic.Location.EndColumn));
    }
}
