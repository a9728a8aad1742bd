using System.Text;
using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;

namespace ZonePolicy.Explaining;

/// <summary>
/// The text of an expression as its author wrote it, from the rule files as they were read: on one line, with
/// comments left out and each run of white space that held a line break made one space.
/// </summary>
internal sealed class SourceTexts(IReadOnlyDictionary<string, string> files)
{
    private readonly Dictionary<string, string[]> lines = [];

    public string Of(SourceLocation location)
    {
        if (!location.HasPosition || !files.TryGetValue(location.File, out var text))
            return "?";

        if (!lines.TryGetValue(location.File, out var fileLines))
            lines[location.File] = fileLines = text.TrimStart('\uFEFF').Split('\n');

        var written = new StringBuilder();
        for (var line = location.Line; line <= location.EndLine && line <= fileLines.Length; line++)
        {
            var content = fileLines[line - 1].TrimEnd('\r');
            var start = line == location.Line ? Math.Min(location.Column - 1, content.Length) : 0;
            var end = line == location.EndLine ? Math.Min(location.EndColumn - 1, content.Length) : content.Length;
            written.Append(line == location.Line ? "" : "\n").Append(content.AsSpan(start, Math.Max(0, end - start)));
        }

        return OneLine(written.ToString());
    }

    private static string OneLine(string text)
    {
        var (tokens, comments, _) = RuleTokenizer.ScanWithComments(text);
        if (comments.Count == 0 && !text.Contains('\n'))
            return text;

        // Tokens keep their own text; between two of them the gap becomes a space when it held one.
        var result = new StringBuilder();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i > 0)
            {
                var gapStart = tokens[i - 1].Position.Absolute + tokens[i - 1].Span.Length;
                if (tokens[i].Position.Absolute > gapStart)
                    result.Append(' ');
            }

            result.Append(tokens[i].ToStringValue());
        }

        return result.ToString();
    }
}
