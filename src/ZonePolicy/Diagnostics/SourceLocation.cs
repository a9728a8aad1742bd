namespace ZonePolicy.Diagnostics;

/// <summary>A place in a source file: 1-based line and column of the start, and of the end (exclusive).</summary>
public readonly record struct SourceLocation(string File, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceLocation At(string file, int line, int column) => new(file, line, column, line, column);

    public static SourceLocation None(string file) => new(file, 0, 0, 0, 0);

    public bool HasPosition => Line > 0;

    public override string ToString() => HasPosition ? $"{File}({Line},{Column})" : File;
}
