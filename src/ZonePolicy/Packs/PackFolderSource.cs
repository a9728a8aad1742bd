using ZonePolicy.Diagnostics;

namespace ZonePolicy.Packs;

/// <summary>
/// Packs in plain folders: a folder holding one sub-folder per pack, named after the pack (the packs
/// beside zpol, <c>--pack-dir</c>), or a pack's own folder (one with a <c>pack.json</c>).
/// </summary>
internal sealed class PackFolderSource(string directory, string displayDirectory, PackOrigin origin, string description) : IPackSource
{
    private readonly Dictionary<string, PackCandidate?> found = new(StringComparer.Ordinal);

    public string Description { get; } = description;

    private bool IsPackFolder => File.Exists(Path.Combine(directory, PackManifest.FileName));

    public IReadOnlyList<PackCandidate> Versions(string name, DiagnosticBag diagnostics)
    {
        if (!found.TryGetValue(name, out var candidate))
        {
            candidate = Find(name, diagnostics);
            found[name] = candidate;
        }

        return candidate is null ? [] : [candidate];
    }

    public IEnumerable<string> Names()
    {
        if (IsPackFolder)
        {
            return found.Values.OfType<PackCandidate>().Select(c => c.Name);
        }

        try
        {
            return Directory.Exists(directory) ? Directory.EnumerateDirectories(directory).Select(Path.GetFileName).OfType<string>().ToList() : [];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public bool Fetch(PackCandidate candidate, SourceLocation requestedAt, DiagnosticBag diagnostics) => true;

    private PackCandidate? Find(string name, DiagnosticBag diagnostics)
    {
        if (IsPackFolder)
        {
            var manifest = PackManifestReader.Read(directory, displayDirectory, diagnostics);
            return manifest?.Name == name ? PackCandidate.From(manifest, directory, displayDirectory, origin, this) : null;
        }

        var folder = Path.Combine(directory, name);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var display = Path.Join(displayDirectory, name).Replace('\\', '/');
        if (!File.Exists(Path.Combine(folder, PackManifest.FileName)))
        {
            // A folder of rules copied in without a manifest: a pack by name only, without a version.
            return new PackCandidate { Name = name, Version = null, Origin = origin, Folder = folder, DisplayFolder = display, Source = this };
        }

        if (PackManifestReader.Read(folder, display, diagnostics) is not { } read)
        {
            return null;
        }

        if (read.Name != name)
        {
            diagnostics.Add(DiagnosticDescriptors.PackFolderNameMismatch, read.LocationOf("name"), display, read.Name);
            return null;
        }

        return PackCandidate.From(read, folder, display, origin, this);
    }
}
