namespace ZonePolicy.Workspace;

/// <summary>
/// The files a check reads: the disk, overlaid with the texts of <see cref="CheckRequest.Documents"/> (an
/// editor's unsaved buffers), which win over the file on disk and exist even when the file does not.
/// </summary>
internal sealed class SourceFiles
{
    private readonly Dictionary<string, string> documents;

    public SourceFiles(IReadOnlyDictionary<string, string> documents)
    {
        this.documents = new Dictionary<string, string>(PathComparer);
        foreach (var (path, text) in documents)
        {
            this.documents[Path.GetFullPath(path)] = text;
        }
    }

    public static StringComparer PathComparer { get; } = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public bool FileExists(string path) => Document(path) is not null || File.Exists(path);

    /// <summary>The editor's text for a file, or null when the disk holds the truth.</summary>
    public string? Document(string path) =>
        documents.Count > 0 && documents.TryGetValue(Path.GetFullPath(path), out var text) ? text : null;

    /// <summary>Every file below <paramref name="folder"/> matching <paramref name="extension"/>, on disk or open, unordered.</summary>
    public IEnumerable<string> FilesBelow(string folder, string extension)
    {
        var root = Path.GetFullPath(folder);
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        var onDisk = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*" + extension, SearchOption.AllDirectories)
            : [];
        var open = documents.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && p.EndsWith(extension, StringComparison.Ordinal));
        return onDisk.Union(open, PathComparer);
    }
}
