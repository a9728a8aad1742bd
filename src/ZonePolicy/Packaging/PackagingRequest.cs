namespace ZonePolicy.Packaging;

/// <summary>What <c>zpol pack</c> builds: the pack folder, where the package goes, and how its tests find dependencies.</summary>
public sealed class PackagingRequest
{
    /// <summary>The pack's folder, with its <c>pack.json</c>.</summary>
    public required string Folder { get; init; }

    /// <summary>The folder the <c>.nupkg</c> is written to (created when missing).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Folders of packs the pack's dependencies are looked up in while its tests run.</summary>
    public IReadOnlyList<string> PackDirectories { get; init; } = [];

    /// <summary>Dependencies whose C# functions may run in the tests; the pack itself is trusted.</summary>
    public IReadOnlyList<string> TrustedPacks { get; init; } = [];

    /// <summary>Where the NuGet feeds for dependencies are configured; none when null.</summary>
    public string? NuGetConfigDirectory { get; init; }
}
