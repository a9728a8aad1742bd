using NuGet.Versioning;

namespace ZonePolicy.Packs;

/// <summary>Where a pack comes from; it decides whether the pack's C# functions are trusted without being named.</summary>
internal enum PackOrigin
{
    /// <summary>Installed for the project by a package manager (a <c>PackageReference</c>): trusted, as analyzers are.</summary>
    Installed,

    /// <summary>A rules folder with a <c>pack.json</c>, given directly (<c>--rules</c>, <c>ZonePolicyRules</c>).</summary>
    RulesFolder,

    /// <summary>Shipped with zpol, in the folder beside the tool or in the MSBuild package: trusted.</summary>
    Shipped,

    /// <summary>A folder of packs named with <c>--pack-dir</c>.</summary>
    Folder,

    /// <summary>A package from a NuGet feed, extracted in the global packages folder.</summary>
    Feed,
}

/// <summary>One version of a pack that a source offers.</summary>
internal sealed class PackCandidate
{
    public required string Name { get; init; }

    /// <summary>Null for a pack folder without a manifest: it has no version, so only a bare name asks for it.</summary>
    public required NuGetVersion? Version { get; init; }

    public required PackOrigin Origin { get; init; }

    /// <summary>Where the pack's files are (for a feed, where they are once the package is extracted).</summary>
    public required string Folder { get; init; }

    /// <summary>How diagnostics show <see cref="Folder"/>.</summary>
    public required string DisplayFolder { get; init; }

    /// <summary>The manifest, once read; a feed's package is read after it is fetched.</summary>
    public PackManifest? Manifest { get; set; }

    /// <summary>The source that offers it.</summary>
    public required IPackSource Source { get; init; }

    /// <summary>The package's content hash (NuGet's SHA-512 of the .nupkg) for a feed's package.</summary>
    public string? ContentHash { get; set; }

    public string VersionText => Version?.ToNormalizedString() ?? "(unversioned)";

    public static PackCandidate From(PackManifest manifest, string folder, string displayFolder, PackOrigin origin, IPackSource source) => new()
    {
        Name = manifest.Name,
        Version = manifest.Version,
        Origin = origin,
        Folder = folder,
        DisplayFolder = displayFolder,
        Manifest = manifest,
        Source = source,
    };

    public override string ToString() => $"{Name} {VersionText}";
}
