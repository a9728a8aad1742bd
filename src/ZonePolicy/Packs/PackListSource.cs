using ZonePolicy.Diagnostics;

namespace ZonePolicy.Packs;

/// <summary>
/// Pack folders named one by one, each with its manifest: packs installed for a project by
/// <c>PackageReference</c>, or rules folders given directly that are packs. A name found here is taken
/// from here only: the project, not a search, decided which version it is.
/// </summary>
internal sealed class PackListSource : IPackSource
{
    private readonly Dictionary<string, List<PackCandidate>> byName = new(StringComparer.Ordinal);

    public PackListSource(IEnumerable<(string Folder, string DisplayFolder)> folders, PackOrigin origin, string description, DiagnosticBag diagnostics)
    {
        Description = description;
        foreach (var (folder, display) in folders)
        {
            if (PackManifestReader.Read(folder, display, diagnostics) is not { } manifest)
            {
                continue;
            }

            var candidate = PackCandidate.From(manifest, folder, display, origin, this);
            if (!byName.TryGetValue(manifest.Name, out var list))
            {
                byName[manifest.Name] = list = [];
            }

            if (!list.Exists(c => string.Equals(Path.GetFullPath(c.Folder), Path.GetFullPath(folder), StringComparison.Ordinal)))
            {
                list.Add(candidate);
            }
        }
    }

    public string Description { get; }

    public IReadOnlyList<PackCandidate> All => [.. byName.Values.SelectMany(v => v)];

    public IReadOnlyList<PackCandidate> Versions(string name, DiagnosticBag diagnostics) => byName.TryGetValue(name, out var list) ? list : [];

    public IEnumerable<string> Names() => byName.Keys;

    public bool Fetch(PackCandidate candidate, SourceLocation requestedAt, DiagnosticBag diagnostics) => true;
}
