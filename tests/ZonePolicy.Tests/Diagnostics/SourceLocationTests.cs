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
}
