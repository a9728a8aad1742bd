using ZonePolicy.Diagnostics;
using ZonePolicy.Testing;

namespace ZonePolicy.Tests.Testing;

public class PackLocatorTests
{
    [Fact]
    public void An_existing_folder_is_taken_as_the_pack()
    {
        using var pack = new TempPack();
        var diagnostics = new List<Diagnostic>();

        Assert.Equal(pack.Folder, PackLocator.Resolve(pack.Folder, [], diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_name_is_looked_up_in_the_pack_folders()
    {
        using var pack = new TempPack("iec62443-zones");
        var diagnostics = new List<Diagnostic>();

        Assert.Equal(pack.Folder, PackLocator.Resolve("iec62443-zones", [pack.Root], diagnostics));
    }

    [Fact]
    public void An_unknown_name_is_reported_with_the_closest_pack()
    {
        using var pack = new TempPack("iec62443-zones");
        var diagnostics = new List<Diagnostic>();

        Assert.Null(PackLocator.Resolve("iec62443-zone", [pack.Root], diagnostics));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.UnknownPack, diagnostic.Id);
        Assert.Equal("no rule pack or folder `iec62443-zone` found; did you mean `iec62443-zones`?", diagnostic.Message);
    }
}
