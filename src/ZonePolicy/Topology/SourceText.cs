using System.Text;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Topology;

/// <summary>
/// The UTF-8 bytes of a topology file and its line table: turns byte offsets into 1-based lines and
/// columns, the column counted in UTF-16 characters (a tab counts one). Lines end at <c>\n</c>, as
/// System.Text.Json counts them.
/// </summary>
internal sealed class SourceText
{
    // A file at least this large has its lines found on another core while its tokens are read: the line table
    // is wanted only when the model's rows are placed at the end, or for a diagnostic.
    private const int BackgroundLength = 1 << 20;

    private readonly Task<(int[] LineStarts, bool IsAscii)>? scanning;
    private int[]? lineStarts;
    private bool isAscii;
    private LineTable? lines;

    // Offsets are mostly asked for in file order; remembering the last answer keeps column counting
    // linear on very long lines (a minified file).
    private int cursorOffset = -1;
    private int cursorLine;
    private int cursorColumn;

    public SourceText(string file, ReadOnlyMemory<byte> bytes)
    {
        File = file;
        Bytes = bytes;
        if (bytes.Length >= BackgroundLength)
        {
            scanning = Task.Run(() => Scan(bytes.Span));
        }
        else
        {
            (lineStarts, isAscii) = Scan(bytes.Span);
        }
    }

    public string File { get; }

    public ReadOnlyMemory<byte> Bytes { get; }

    public int Length => Bytes.Length;

    private int[] LineStarts
    {
        get
        {
            if (lineStarts is null)
            {
                (lineStarts, isAscii) = scanning!.GetAwaiter().GetResult();
            }

            return lineStarts;
        }
    }

    /// <summary>Whether every byte of the file is ASCII: then a column is a byte offset from its line's start.</summary>
    public bool IsAscii
    {
        get
        {
            _ = LineStarts;
            return isAscii;
        }
    }

    /// <summary>The line table alone, without the bytes: what a loaded model keeps to place its rows when asked.</summary>
    public LineTable Lines => lines ??= new LineTable(File, LineStarts, Length);

    /// <summary>The 1-based line of a byte offset.</summary>
    public int LineOf(int offset) => LineTable.LineOf(LineStarts, Math.Clamp(offset, 0, Length));

    /// <summary>The byte offset where a 0-based line starts (System.Text.Json's line numbers).</summary>
    public int LineStart(long zeroBasedLine) =>
        zeroBasedLine < 0 ? 0 : zeroBasedLine >= LineStarts.Length ? Length : LineStarts[zeroBasedLine];

    public SourceLocation Point(int offset)
    {
        var (line, column) = LineColumn(offset);
        return SourceLocation.At(File, line, column);
    }

    public SourceLocation Span(int start, int end)
    {
        var (line, column) = LineColumn(start);
        var (endLine, endColumn) = LineColumn(Math.Max(start, end));
        return new SourceLocation(File, line, column, endLine, endColumn);
    }

    /// <summary>
    /// The columns of many offsets at once, as <see cref="Point"/> gives them; offsets in increasing
    /// order (the rows of a table) cost a step along the line table each instead of a search.
    /// </summary>
    public void PlaceColumns(ReadOnlySpan<int> offsets, Span<int> columns)
    {
        var starts = LineStarts;
        var line = 0;
        for (var i = 0; i < offsets.Length; i++)
        {
            var offset = Math.Clamp(offsets[i], 0, Length);
            if (offset < starts[line] || (line + 8 < starts.Length && starts[line + 8] <= offset))
            {
                line = LineOf(offset) - 1;
            }

            while (line + 1 < starts.Length && starts[line + 1] <= offset)
            {
                line++;
            }

            columns[i] = ColumnOf(line + 1, offset);
        }
    }

    private (int Line, int Column) LineColumn(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        var line = LineOf(offset);
        return (line, ColumnOf(line, offset));
    }

    private int ColumnOf(int line, int offset)
    {
        var lineStart = LineStarts[line - 1];
        if (isAscii)
        {
            return offset - lineStart + 1;
        }

        var span = Bytes.Span;
        int column;
        if (cursorLine == line && cursorOffset >= lineStart && cursorOffset <= offset)
        {
            column = cursorColumn + Encoding.UTF8.GetCharCount(span[cursorOffset..offset]);
        }
        else
        {
            column = 1 + Encoding.UTF8.GetCharCount(span[lineStart..offset]);
        }

        (cursorOffset, cursorLine, cursorColumn) = (offset, line, column);
        return column;
    }

    private static (int[] LineStarts, bool IsAscii) Scan(ReadOnlySpan<byte> span)
    {
        var starts = new int[span.Count((byte)'\n') + 1];
        var line = 1;
        for (var at = span.IndexOf((byte)'\n'); at >= 0; at = NextNewLine(span, at))
        {
            starts[line++] = at + 1;
        }

        return (starts, Ascii.IsValid(span));
    }

    private static int NextNewLine(ReadOnlySpan<byte> span, int previous)
    {
        var next = span[(previous + 1)..].IndexOf((byte)'\n');
        return next < 0 ? -1 : previous + 1 + next;
    }
}

/// <summary>
/// Where each line of a file starts, kept by a loaded model once the file's bytes are gone: a row's line is
/// found from its byte offset when a diagnostic asks for it, and in an ASCII file so is its column.
/// </summary>
internal sealed class LineTable(string file, int[] starts, int length)
{
    public string File { get; } = file;

    /// <summary>The 1-based line of a byte offset.</summary>
    public int LineOf(int offset) => LineOf(starts, Math.Clamp(offset, 0, length));

    /// <summary>The 1-based column of a byte offset in a file whose bytes are all ASCII.</summary>
    public SourceLocation AsciiPoint(int offset)
    {
        offset = Math.Clamp(offset, 0, length);
        var line = LineOf(starts, offset);
        return SourceLocation.At(File, line, offset - starts[line - 1] + 1);
    }

    internal static int LineOf(int[] starts, int offset)
    {
        var index = Array.BinarySearch(starts, offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
