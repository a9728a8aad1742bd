using ZonePolicy.Diagnostics;

namespace ZonePolicy.Cli.LanguageServer;

/// <summary>A document the editor has open: its text and version, and conversions between LSP positions and text offsets.</summary>
internal sealed class TextDocument(string uri, string? path, string text, int version)
{
    private int[]? lineStarts;

    public string Uri { get; } = uri;

    /// <summary>The file the document is, or null when it is not a file (an untitled buffer).</summary>
    public string? Path { get; } = path;

    public string Text { get; } = text;

    public int Version { get; } = version;

    public bool IsRuleFile => Uri.EndsWith(".zpol", StringComparison.OrdinalIgnoreCase);

    public bool IsProjectFile => Uri.EndsWith("/" + ZonePolicy.Workspace.ProjectFile.FileName, StringComparison.Ordinal);

    public bool IsJson => Uri.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name diagnostics and syntax trees give this document.</summary>
    public string File => Path ?? Uri;

    public int OffsetOf(Position position)
    {
        var starts = LineStarts();
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= starts.Length)
        {
            return Text.Length;
        }

        var lineEnd = position.Line + 1 < starts.Length ? starts[position.Line + 1] : Text.Length;
        return Math.Clamp(starts[position.Line] + Math.Max(0, position.Character), starts[position.Line], lineEnd);
    }

    public Position PositionOf(int offset)
    {
        var starts = LineStarts();
        offset = Math.Clamp(offset, 0, Text.Length);
        var line = Array.BinarySearch(starts, offset);
        line = line >= 0 ? line : ~line - 1;
        return new Position(line, offset - starts[line]);
    }

    /// <summary>The 1-based line and column the engine's locations use for an LSP position.</summary>
    public static (int Line, int Column) EngineLineColumn(Position position) => (position.Line + 1, position.Character + 1);

    public static Range RangeOf(SourceLocation location)
    {
        if (!location.HasPosition)
        {
            return new Range(new Position(0, 0), new Position(0, 0));
        }

        var start = new Position(location.Line - 1, location.Column - 1);
        var end = new Position(Math.Max(location.EndLine, location.Line) - 1, Math.Max(location.EndColumn, 1) - 1);
        return end.Line < start.Line || (end.Line == start.Line && end.Character <= start.Character)
            ? new Range(start, start with { Character = start.Character + 1 })
            : new Range(start, end);
    }

    public TextDocument WithText(string newText, int newVersion) => new(Uri, Path, newText, newVersion);

    private int[] LineStarts()
    {
        if (lineStarts is null)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < Text.Length; i++)
            {
                if (Text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            lineStarts = [.. starts];
        }

        return lineStarts;
    }
}

/// <summary>file: URIs to paths and back.</summary>
internal static class DocumentUris
{
    public static string? ToPath(string uri) =>
        System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? System.IO.Path.GetFullPath(parsed.LocalPath) : null;

    public static string FromPath(string path) => new System.Uri(System.IO.Path.GetFullPath(path)).AbsoluteUri;
}
