using System.Text;
using Xunit;
using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
using ZonePolicy.Types;
using static ZonePolicy.Tests.Topology.TopologyTestSupport;

namespace ZonePolicy.Tests.Topology;

public sealed class LoaderFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("zonepolicy-topology-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Loading_does_not_modify_the_input_file()
    {
        var path = Path.Combine(folder, "site.json");
        File.Copy(DataFile("full-site.json"), path);
        var written = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);
        var before = File.ReadAllBytes(path);

        var result = TopologyLoader.Load(path, "site.json");

        Assert.NotNull(result.Model);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Equal(["site.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Loading_an_invalid_file_does_not_modify_it()
    {
        var path = Path.Combine(folder, "broken.json");
        File.WriteAllText(path, "{ \"schemaVersion\": 1, }");
        var before = File.ReadAllBytes(path);

        var result = TopologyLoader.Load(path, "broken.json");

        Assert.Equal(DiagnosticIds.InvalidJson, Assert.Single(result.Diagnostics).Id);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Diagnostics_and_locations_carry_the_display_path()
    {
        var path = Path.Combine(folder, "site.json");
        File.WriteAllText(path, "{ \"schemaVersion\": \"1\", \"zones\": [ { \"id\": \"z\", \"kind\": \"office\" } ] }");

        var diagnostic = Assert.Single(TopologyLoader.Load(path, "plant/site.json").Diagnostics);

        Assert.Equal("plant/site.json", diagnostic.Location.File);
        Assert.StartsWith("plant/site.json(1,", diagnostic.ToString());
    }

    [Fact]
    public void Missing_file_is_reported_without_a_position()
    {
        var result = TopologyLoader.Load(Path.Combine(folder, "absent.json"), "absent.json");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.FileNotFound, diagnostic.Id);
        Assert.Equal("topology file `absent.json` does not exist", diagnostic.Message);
        Assert.False(diagnostic.Location.HasPosition);
        Assert.Null(result.Model);
    }

    [Fact]
    public void Folder_instead_of_a_file_is_reported_as_a_folder_not_as_missing()
    {
        var diagnostic = Assert.Single(TopologyLoader.Load(folder, "site").Diagnostics);

        Assert.Equal(DiagnosticIds.InputNotAFile, diagnostic.Id);
        Assert.Equal("topology file `site` is a folder, not a file; name a file in it", diagnostic.Message);
    }

    [Fact]
    public void Windows_line_endings_give_the_same_positions()
    {
        var path = Path.Combine(folder, "crlf.json");
        var text = File.ReadAllText(DataFile("01-null-and-location.json")).ReplaceLineEndings("\r\n");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var result = TopologyLoader.Load(path, "crlf.json");

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Model!.TryGet("f-1", out var flow));
        Assert.Equal((13, 5), (flow.Location.Line, flow.Location.Column));
    }

    [Fact]
    public void Positions_after_non_ASCII_text_count_characters()
    {
        var model = LoadValidText("""
            { "schemaVersion": "1", "zones": [ { "id": "z", "name": "Halle 北 · Presse" }, { "id": "y" } ] }
            """);

        Assert.True(model.TryGet("y", out var zone));
        Assert.Equal((1, 79), (zone.Location.Line, zone.Location.Column));
    }
    [Theory]
    [InlineData("Hall A", 47, 65)]
    [InlineData("café", 45, 63)]
    [InlineData("𝄞 Hall", 48, 66)]
    public void Rows_are_placed_by_line_and_character_column_after_ASCII_two_byte_and_four_byte_text(string name, int zoneColumn, int osColumn)
    {
        var model = LoadValidText($$"""
            { "schemaVersion": "1",
              "zones": [ { "id": "z", "name": "{{name}}" }, { "id": "y" } ],
              "assets": [ { "id": "a", "zone": "z", "name": "{{name}}", "os": { "name": "x" } } ] }
            """);

        Assert.True(model.TryGet("y", out var zone));
        Assert.True(model.TryGet("a", out var asset));
        var os = Assert.IsType<RecordValue>(asset["os"]);
        Assert.Equal(("site.json", 2, zoneColumn), (zone.Location.File, zone.Location.Line, zone.Location.Column));
        Assert.Equal((3, 15), (asset.Location.Line, asset.Location.Column));
        Assert.Equal((3, osColumn), (os.Location.Line, os.Location.Column));
    }

    [Fact]
    public void A_row_added_after_loading_has_no_position_in_the_file()
    {
        var model = LoadValidText("""{ "schemaVersion": "1", "zones": [ { "id": "z" } ] }""");
        var table = model.TableOf(EntityKind.Zone);

        var added = table.Add(0);

        Assert.False(table.LocationOf(added).HasPosition);
        Assert.Equal("site.json", table.LocationOf(added).File);
    }
}
