namespace ZonePolicy.Formatting;

/// <summary>
/// The layout of formatted text before it is fitted to the line width, in the style of Wadler's "prettier
/// printer" (as Prettier and many formatters use it): text, possible line breaks, and groups whose breaks are
/// taken all together or not at all. Docs are built bottom-up, so each knows whether it must break.
/// </summary>
internal abstract class Doc
{
    public static readonly Doc Empty = new TextDoc("");

    /// <summary>A break or a space: a space when its group fits on the line, otherwise a new line.</summary>
    public static readonly Doc Line = new LineDoc(Soft: false);

    /// <summary>A break or nothing.</summary>
    public static readonly Doc SoftLine = new LineDoc(Soft: true);

    /// <summary>Always a new line; the groups around it break.</summary>
    public static readonly Doc HardLine = new HardLineDoc();

    /// <summary>A new line unless the current line holds only its indentation; the groups around it break.</summary>
    public static readonly Doc LineStart = new LineStartDoc();

    /// <summary>A space before the next text on this line, unless one is already there.</summary>
    public static readonly Doc Space = new SpaceDoc();

    protected Doc(bool forcesBreak) => ForcesBreak = forcesBreak;

    /// <summary>True when this doc holds a break that every group around it must take.</summary>
    public bool ForcesBreak { get; }

    public static Doc Text(string text) => text.Length == 0 ? Empty : new TextDoc(text);

    public static Doc Concat(params Doc[] parts) => parts.Length == 1 ? parts[0] : new ConcatDoc(parts);

    public static Doc Concat(List<Doc> parts) => parts.Count == 1 ? parts[0] : new ConcatDoc([.. parts]);

    public static Doc Group(Doc content) => new GroupDoc(content);

    /// <summary>The content with its new lines indented one level (two spaces) more.</summary>
    public static Doc Indent(Doc content) => new IndentDoc(content, IndentDoc.Step);

    /// <summary>The content with its new lines indented <paramref name="columns"/> more, to line up under something.</summary>
    public static Doc Align(int columns, Doc content) => new IndentDoc(content, columns);

    /// <summary>
    /// Items with a separator (a <see cref="Line"/>) between each two: as many items on each line as fit, the
    /// way text is filled into a paragraph.
    /// </summary>
    public static Doc Fill(IReadOnlyList<Doc> items, Doc separator) => new FillDoc(items, separator, 0);

    /// <summary>Text that goes at the end of the line, before the next new line: a trailing line comment.</summary>
    public static Doc LineSuffix(string text) => new LineSuffixDoc(text);
}

internal sealed class TextDoc(string text) : Doc(text.Contains('\n'))
{
    public string Value { get; } = text;
}

internal sealed class ConcatDoc(Doc[] parts) : Doc(parts.Any(p => p.ForcesBreak))
{
    public Doc[] Parts { get; } = parts;
}

internal sealed class FillDoc(IReadOnlyList<Doc> items, Doc separator, int first)
    : Doc(first == 0 && (separator.ForcesBreak || items.Any(i => i.ForcesBreak)))
{
    public IReadOnlyList<Doc> Items { get; } = items;

    public Doc Separator { get; } = separator;

    /// <summary>The first item still to lay out.</summary>
    public int First { get; } = first;

    public FillDoc Rest => new(Items, Separator, First + 1);
}

internal sealed class GroupDoc(Doc content) : Doc(content.ForcesBreak)
{
    public Doc Content { get; } = content;
}

internal sealed class IndentDoc(Doc content, int columns) : Doc(content.ForcesBreak)
{
    public const int Step = 2;

    public Doc Content { get; } = content;

    public int Columns { get; } = columns;
}

internal sealed class LineDoc(bool Soft) : Doc(false)
{
    public bool IsSoft { get; } = Soft;
}

internal sealed class HardLineDoc() : Doc(true);

internal sealed class LineStartDoc() : Doc(true);

internal sealed class SpaceDoc() : Doc(false);

internal sealed class LineSuffixDoc(string text) : Doc(false)
{
    public string Value { get; } = text;
}
