namespace ZonePolicy.Packs;

/// <summary>A pack chosen for a check: its files, its manifest (null for a folder without one), and whether its C# may run.</summary>
internal sealed record ResolvedPack(string Name, PackManifest? Manifest, string Folder, string DisplayFolder, PackOrigin Origin, bool Trusted)
{
    public static ResolvedPack From(PackCandidate candidate, bool trusted) =>
        new(candidate.Name, candidate.Manifest, candidate.Folder, candidate.DisplayFolder, candidate.Origin, trusted);

    public override string ToString() => Manifest is { } manifest ? manifest.ToString() : Name;
}
