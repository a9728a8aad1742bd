using ZonePolicy.Diagnostics;

namespace ZonePolicy.Inputs;

/// <summary>
/// The files one check reads, each through <see cref="InputReader"/>: relative paths resolve against the
/// request's working directory, diagnostics name files as the request does, and every file read is recorded,
/// so that no output may replace one (<see cref="OutputFile"/>). A text of <see cref="CheckRequest.Documents"/>
/// (an editor's unsaved buffer) stands in for the file at its path, whether or not the disk has one, and is held
/// to the same size limit.
/// </summary>
internal sealed class CheckInputs
{
    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly DiagnosticBag diagnostics;
    private readonly List<InputFile> files = [];
    private readonly HashSet<object> topologies = [];
    private readonly Dictionary<string, string> fullPathByDisplay = new(StringComparer.Ordinal);

    // By full path as given and with its links resolved, so that a loader that resolves links finds it too.
    private readonly Dictionary<string, string> documents = new(StringComparer.FromComparison(PathComparison));

    public CheckInputs(CheckRequest request, DiagnosticBag diagnostics)
    {
        this.diagnostics = diagnostics;
        WorkingDirectory = request.WorkingDirectory ?? Directory.GetCurrentDirectory();
        foreach (var (path, text) in request.Documents)
        {
            var full = Path.GetFullPath(path, WorkingDirectory);
            documents[full] = text;
            if (RealPath.Resolve(full, WorkingDirectory) is { } real)
            {
                documents[real] = text;
            }
        }
    }

    public string WorkingDirectory { get; }

    public IReadOnlyList<InputFile> Files => files;

    /// <summary>Reads a file, or reports why it cannot be read and returns null.</summary>
    public InputFile? Read(string path, string displayPath, InputKind kind, SourceLocation? reference = null)
    {
        var read = DocumentAt(path) is { } text
            ? InputReader.FromText(Path.GetFullPath(path, WorkingDirectory), displayPath, kind, text, reference)
            : InputReader.Read(path, displayPath, kind, WorkingDirectory, reference);
        if (read.Problem is { } problem)
        {
            diagnostics.Add(problem);
            return null;
        }

        Record(read.File!);
        return read.File;
    }

    /// <summary>Records a file the check read another way (a pack's manifest, read while packs are resolved).</summary>
    public void Record(InputFile file)
    {
        files.Add(file);
        fullPathByDisplay.TryAdd(file.DisplayPath, file.FullPath);
    }

    /// <summary>
    /// Reads a topology, or returns null when it cannot be read or was read already under another name (the same
    /// file through a symbolic link or a hard link is checked once).
    /// </summary>
    public InputFile? ReadTopology(string path)
    {
        if (Read(path, path, InputKind.Topology) is not { } file)
        {
            return null;
        }

        return topologies.Add(file.Identity is { } identity ? identity : RealPath.Resolve(file.FullPath, WorkingDirectory) ?? file.FullPath) ? file : null;
    }

    /// <summary>
    /// The file as recorded from now on: its name and identity without its bytes, once a check has loaded what it
    /// needs from them. A large topology's bytes would otherwise stay in memory through the evaluation of every rule.
    /// </summary>
    public InputFile Release(InputFile file)
    {
        var released = file with { Bytes = [] };
        var index = files.FindLastIndex(recorded => ReferenceEquals(recorded, file));
        if (index >= 0)
        {
            files[index] = released;
        }

        return released;
    }

    /// <summary>True when a file is on disk at <paramref name="fullPath"/> or a document stands in for one.</summary>
    public bool FileExists(string fullPath) => DocumentAt(fullPath) is not null || File.Exists(fullPath);

    /// <summary>The full paths of the documents below <paramref name="folder"/> whose names end with <paramref name="extension"/>.</summary>
    public IEnumerable<string> DocumentsBelow(string folder, string extension)
    {
        var prefix = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return documents.Keys.Where(path => path.StartsWith(prefix, PathComparison) && path.EndsWith(extension, StringComparison.Ordinal));
    }

    /// <summary>The full path of a file a diagnostic names, when the check read it under that name.</summary>
    public string? FullPathOf(string displayPath) => fullPathByDisplay.GetValueOrDefault(displayPath);

    private string? DocumentAt(string path) =>
        documents.Count > 0 && documents.TryGetValue(Path.GetFullPath(path, WorkingDirectory), out var text) ? text : null;
}
