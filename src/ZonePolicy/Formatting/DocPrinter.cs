using System.Text;

namespace ZonePolicy.Formatting;

/// <summary>
/// Fits a <see cref="Doc"/> to <see cref="Width"/> columns: a group goes on one line when it and what follows
/// it up to the next possible break fit in what is left of the line, otherwise each of its own breaks is a
/// new line and its inner groups are fitted in turn. The walk keeps its own stack, so a long chain of
/// operands costs memory, not call depth.
/// </summary>
internal sealed class DocPrinter
{
    public const int Width = 100;

    private readonly StringBuilder output = new();
    private readonly List<Command> commands = [];
    private readonly List<string> lineSuffixes = [];
    private readonly HashSet<GroupDoc> brokenForComments;
    private int column;
    private bool lineHasContent;
    private bool pendingSpace;

    private DocPrinter(HashSet<GroupDoc> brokenForComments)
    {
        this.brokenForComments = brokenForComments;
    }

    /// <summary>The text of <paramref name="doc"/>: lines end with <c>\n</c>, without trailing spaces; a non-empty text ends with one <c>\n</c>.</summary>
    public static string Print(Doc doc)
    {
        var printer = new DocPrinter(GroupsBrokenByLineSuffixes(doc));
        printer.Run(doc);
        return printer.Finish();
    }

    private void Run(Doc doc)
    {
        commands.Add(new Command(0, Flat: false, doc));
        while (commands.Count > 0)
        {
            var (indent, flat, current) = commands[^1];
            commands.RemoveAt(commands.Count - 1);
            switch (current)
            {
                case TextDoc text:
                    Write(text.Value, indent);
                    break;
                case ConcatDoc concat:
                    for (var i = concat.Parts.Length - 1; i >= 0; i--)
                        commands.Add(new Command(indent, flat, concat.Parts[i]));
                    break;
                case IndentDoc nested:
                    commands.Add(new Command(indent + nested.Columns, flat, nested.Content));
                    break;
                case GroupDoc group:
                    var fitsFlat = !MustBreak(group)
                        && (flat || Fits(group.Content, Width - column - (pendingSpace ? 1 : 0)));
                    commands.Add(new Command(indent, fitsFlat, group.Content));
                    break;
                case FillDoc fill:
                    Fill(indent, flat, fill);
                    break;
                case LineDoc line when flat && lineSuffixes.Count == 0:
                    pendingSpace |= !line.IsSoft && lineHasContent;
                    break;
                case LineDoc or HardLineDoc:
                    NewLine(indent);
                    break;
                case LineStartDoc when lineHasContent:
                    NewLine(indent);
                    break;
                case SpaceDoc:
                    pendingSpace |= lineHasContent;
                    break;
                case LineSuffixDoc suffix:
                    lineSuffixes.Add(suffix.Value);
                    break;
            }
        }
    }

    /// <summary>
    /// Lays out the next item of a fill: flat when it fits, and the separator after it flat when the item
    /// after that fits on the same line too.
    /// </summary>
    private void Fill(int indent, bool flat, FillDoc fill)
    {
        var remaining = Width - column - (pendingSpace ? 1 : 0);
        var item = fill.Items[fill.First];
        var itemFits = flat || Fits(item, remaining, includeRest: false);
        if (fill.First + 1 < fill.Items.Count)
        {
            var next = Doc.Concat(item, fill.Separator, fill.Items[fill.First + 1]);
            var separatorFlat = flat || Fits(next, remaining, includeRest: false);
            commands.Add(new Command(indent, flat, fill.Rest));
            commands.Add(new Command(indent, separatorFlat, fill.Separator));
        }

        commands.Add(new Command(indent, itemFits, item));
    }

    /// <summary>
    /// Whether <paramref name="content"/> laid out flat, and what follows it up to the next new line, fit in
    /// <paramref name="remaining"/> columns.
    /// </summary>
    private bool Fits(Doc content, int remaining, bool includeRest = true)
    {
        var pending = new Stack<(Doc Doc, bool Flat)>();
        pending.Push((content, true));
        var rest = includeRest ? commands.Count : 0;
        while (remaining >= 0)
        {
            if (pending.Count == 0)
            {
                if (rest == 0)
                    return true;
                rest--;
                pending.Push((commands[rest].Doc, commands[rest].Flat));
            }

            var (doc, flat) = pending.Pop();
            switch (doc)
            {
                case TextDoc text:
                    var newLine = text.Value.IndexOf('\n');
                    if (newLine >= 0)
                        return remaining - newLine >= 0;
                    remaining -= text.Value.Length;
                    break;
                case ConcatDoc concat:
                    for (var i = concat.Parts.Length - 1; i >= 0; i--)
                        pending.Push((concat.Parts[i], flat));
                    break;
                case IndentDoc nested:
                    pending.Push((nested.Content, flat));
                    break;
                case FillDoc fill:
                    for (var i = fill.Items.Count - 1; i >= fill.First; i--)
                    {
                        pending.Push((fill.Items[i], flat));
                        if (i > fill.First)
                            pending.Push((fill.Separator, flat));
                    }

                    break;
                case GroupDoc group:
                    pending.Push((group.Content, flat && !MustBreak(group)));
                    break;
                case LineDoc line:
                    if (!flat)
                        return true;
                    remaining -= line.IsSoft ? 0 : 1;
                    break;
                case HardLineDoc or LineStartDoc:
                    return true;
                case SpaceDoc:
                    remaining--;
                    break;
            }
        }

        return false;
    }

    private bool MustBreak(GroupDoc group) => group.ForcesBreak || brokenForComments.Contains(group);

    /// <summary>
    /// The groups that must break because a line comment ends its line where it is: the comment is followed by
    /// a new line before the next code, at the next possible break or, when code comes first, just before that
    /// code. The groups that hold both the comment and that new line break, as they would around a hard break;
    /// a comment at the end of a clause, where a new line comes anyway, breaks nothing.
    /// </summary>
    private static HashSet<GroupDoc> GroupsBrokenByLineSuffixes(Doc doc)
    {
        var broken = new HashSet<GroupDoc>();
        var open = new List<GroupDoc>();
        var pending = new Stack<Doc?>();
        pending.Push(doc);

        // The number of groups, open when the waiting comment was seen, that are still open.
        var enclosing = -1;
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            switch (next)
            {
                case null:
                    open.RemoveAt(open.Count - 1);
                    enclosing = Math.Min(enclosing, open.Count);
                    break;
                case ConcatDoc concat:
                    for (var i = concat.Parts.Length - 1; i >= 0; i--)
                        pending.Push(concat.Parts[i]);
                    break;
                case FillDoc fill:
                    for (var i = fill.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push(fill.Items[i]);
                        if (i > 0)
                            pending.Push(fill.Separator);
                    }

                    break;
                case IndentDoc nested:
                    pending.Push(nested.Content);
                    break;
                case GroupDoc group:
                    open.Add(group);
                    pending.Push(null);
                    pending.Push(group.Content);
                    break;
                case LineSuffixDoc:
                    enclosing = enclosing < 0 ? open.Count : enclosing;
                    break;
                case HardLineDoc or LineStartDoc:
                    enclosing = -1;
                    break;
                case LineDoc or TextDoc { Value.Length: > 0 } when enclosing >= 0:
                    broken.UnionWith(open.Take(enclosing));
                    enclosing = -1;
                    break;
            }
        }

        return broken;
    }

    private void Write(string text, int indent)
    {
        if (text.Length == 0)
            return;

        // Code after a line comment goes on the next line, or the comment would swallow it.
        if (lineSuffixes.Count > 0)
            NewLine(indent);

        if (pendingSpace && text[0] != ' ')
        {
            output.Append(' ');
            column++;
        }

        pendingSpace = false;
        output.Append(text);
        var newLine = text.LastIndexOf('\n');
        column = newLine >= 0 ? text.Length - newLine - 1 : column + text.Length;
        lineHasContent = true;
    }

    private void NewLine(int indent)
    {
        EndLine();
        output.Append('\n').Append(' ', indent);
        column = indent;
        lineHasContent = false;
        pendingSpace = false;
    }

    /// <summary>Ends the current line: its trailing line comments, then no trailing spaces.</summary>
    private void EndLine()
    {
        foreach (var suffix in lineSuffixes)
            output.Append(suffix);
        lineSuffixes.Clear();

        var end = output.Length;
        while (end > 0 && output[end - 1] == ' ')
            end--;
        output.Length = end;
    }

    private string Finish()
    {
        EndLine();
        var end = output.Length;
        while (end > 0 && output[end - 1] == '\n')
            end--;
        output.Length = end;
        return end == 0 ? "" : output.Append('\n').ToString();
    }

    private readonly record struct Command(int Indent, bool Flat, Doc Doc);
}
