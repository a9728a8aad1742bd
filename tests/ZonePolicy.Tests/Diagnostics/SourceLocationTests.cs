using ZonePolicy.Diagnostics;

namespace ZonePolicy.Tests.Diagnostics;

public sealed class SourceLocationTests
{
    [Fact]
    public void A_place_in_a_file_prints_as_file_line_and_column() =>
        Assert.Equal("site.json(3,7)", new SourceLocation("site.json", 3, 7, 3, 9).ToString());

    [Fact]
    public void A_whole_file_prints_as_its_name() =>
        Assert.Equal("missing.json", SourceLocation.InFile("missing.json").ToString());

    [Fact]
    public void The_command_line_and_no_place_are_no_file()
    {
        Assert.Equal(("<command-line>", false, false), (SourceLocation.CommandLine.ToString(), SourceLocation.CommandLine.IsInFile, SourceLocation.CommandLine.HasPosition));
        Assert.Equal(("zpol", false, false), (SourceLocation.None.ToString(), SourceLocation.None.IsInFile, SourceLocation.None.HasPosition));
    }

    [Fact]
    public void A_file_named_like_the_command_line_is_still_a_file()
    {
        var file = SourceLocation.InFile("<command-line>");

        Assert.True(file.IsInFile);
        Assert.NotEqual(SourceLocation.CommandLine, file);
    }

    [Fact]
    public void Diagnostics_sort_with_the_command_line_first_then_by_file_line_column_and_id()
    {
        Diagnostic At(string id, SourceLocation location) => new(id, Severity.Error, id, location);
        var sorted = DiagnosticOrder.Sort(
        [
            At("ZP0201", new SourceLocation("b.json", 1, 1, 1, 2)),
            At("ZP0204", new SourceLocation("a.json", 2, 1, 2, 2)),
            At("ZP0203", new SourceLocation("a.json", 2, 1, 2, 2)),
            At("ZP0901", SourceLocation.None),
            At("ZP0311", SourceLocation.CommandLine),
            At("ZP0202", new SourceLocation("a.json", 1, 5, 1, 6)),
        ]);

        Assert.Equal(["ZP0311", "ZP0901", "ZP0202", "ZP0203", "ZP0204", "ZP0201"], sorted.Select(d => d.Id));
    }

    [Fact]
    public void Diagnostics_at_the_same_place_with_the_same_id_sort_by_message_and_keep_their_order_when_equal()
    {
        Diagnostic At(string message, string entity) =>
            new("R-1", Severity.Error, message, new SourceLocation("a.json", 3, 5, 3, 6)) { Entities = [entity] };
        var sorted = DiagnosticOrder.Sort([At("b", "e1"), At("a", "e2"), At("b", "e3"), At("a", "e4"), At("b", "e5")]);

        Assert.Equal(["e2", "e4", "e1", "e3", "e5"], sorted.Select(d => d.Entities[0]));
    }

    // Places of ordinary size are sorted on packed integer keys; a column or line too large for them (a minified
    // file's) is sorted key by key: the order is the same.
    [Theory]
    [InlineData(4, 4)]
    [InlineData(4, 100_000)]
    [InlineData(50_000_000, 4)]
    public void A_large_mix_of_diagnostics_sorts_as_each_key_in_turn_would(int lines, int columns)
    {
        var random = new Random(13);
        string Pick(params string[] choices) => choices[random.Next(choices.Length)];
        var diagnostics = Enumerable.Range(0, 5_000).Select(i => new Diagnostic(
            Pick("ZP0201", "R-2", "R-10", "r-1"),
            Severity.Warning,
            Pick("m", "M", "m2", ""),
            random.Next(20) switch
            {
                0 => SourceLocation.None,
                1 => SourceLocation.CommandLine,
                2 => SourceLocation.InFile(Pick("b.json", "a.zpol")),
                _ => new SourceLocation(Pick("b.json", "a.zpol", "B.json"), random.Next(1, lines), random.Next(1, columns), 0, 0),
            })
        { Entities = [$"{i}"] }).ToList();

        var expected = diagnostics
            .OrderBy(d => d.Location.Kind switch { LocationKind.CommandLine => 0, LocationKind.None => 1, _ => 2 })
            .ThenBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal);
        var sorted = DiagnosticOrder.Sort(diagnostics);

        Assert.Equal(expected.Select(d => d.Entities[0]), sorted.Select(d => d.Entities[0]));
        Assert.Equal(sorted.Select(d => d.Entities[0]), DiagnosticOrder.Sort(sorted).Select(d => d.Entities[0]));
    }
}
