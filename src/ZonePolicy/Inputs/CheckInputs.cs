using ZonePolicy.Diagnostics;

namespace ZonePolicy.Inputs;

/// <summary>
/// The files one check reads, each through <see cref="InputReader"/>: relative paths resolve against the
/// request's working directory, diagnostics name files as the request does, and every file read is recorded,
/// so that no output may replace one (<see cref="OutputFile"/>).
/// </summary>
internal sealed class CheckInputs(CheckRequest request, DiagnosticBag diagnostics)
{
    private readonly List<InputFile> files = [];
    private readonly HashSet<object> topologies = [];
    private readonly Dictionary<string, string> fullPathByDisplay = new(StringComparer.Ordinal);

    public string WorkingDirectory { get; } = request.WorkingDirectory ?? Directory.GetCurrentDirectory();

    public IReadOnlyList<InputFile> Files => files;

    /// <summary>Reads a file, or reports why it cannot be read and returns null.</summary>
    public InputFile? Read(string path, string displayPath, InputKind kind, SourceLocation? reference = null)
    {
        var read = InputReader.Read(path, displayPath, kind, WorkingDirectory, reference);
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

    /// <summary>The full path of a file a diagnostic names, when the check read it under that name.</summary>
    public string? FullPathOf(string displayPath) => fullPathByDisplay.GetValueOrDefault(displayPath);
}
