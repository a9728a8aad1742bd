namespace ZonePolicy.Diagnostics;

/// <summary>What a <see cref="SourceLocation"/> points at.</summary>
public enum LocationKind
{
    /// <summary>No place: the diagnostic is about the run itself (an internal error).</summary>
    None,

    /// <summary>An argument or option given on the command line.</summary>
    CommandLine,

    /// <summary>A file, at a position in it or as a whole.</summary>
    File,
}

/// <summary>
/// A place a diagnostic is about: a span of a file (1-based line and column of the start, and of the end,
/// exclusive), a whole file, the command line, or nowhere.
/// </summary>
public readonly record struct SourceLocation(string File, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>What this location points at; a location made from a file name and a span is in that file.</summary>
    public LocationKind Kind { get; private init; } = LocationKind.File;

    /// <summary>No place at all.</summary>
    public static SourceLocation None { get; } = new(string.Empty, 0, 0, 0, 0) { Kind = LocationKind.None };

    /// <summary>The command line the tool was started with.</summary>
    public static SourceLocation CommandLine { get; } = new(string.Empty, 0, 0, 0, 0) { Kind = LocationKind.CommandLine };

    /// <summary>A file as a whole: one that does not exist or cannot be read, or a project whose settings are wrong.</summary>
    public static SourceLocation InFile(string file) => new(file, 0, 0, 0, 0);

    /// <summary>One position in a file.</summary>
    public static SourceLocation At(string file, int line, int column) => new(file, line, column, line, column);

    public bool IsInFile => Kind == LocationKind.File;

    public bool HasPosition => IsInFile && Line > 0;

    /// <summary>
    /// How the canonical <c>origin: severity ID: message</c> line names this place: <c>file(line,col)</c>,
    /// <c>file</c>, <c>&lt;command-line&gt;</c>, or the tool's own name when there is no place.
    /// </summary>
    public override string ToString() => Kind switch
    {
        LocationKind.File => HasPosition ? $"{File}({Line},{Column})" : File,
        LocationKind.CommandLine => "<command-line>",
        _ => "zpol",
    };
}
