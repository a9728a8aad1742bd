using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ZonePolicy.MSBuild.Configuration;

/// <summary>
/// An <c>.editorconfig</c> section glob: <c>*</c>, <c>**</c>, <c>?</c>, <c>[abc]</c>, <c>[!abc]</c>,
/// <c>{a,b}</c>, <c>{1..9}</c> and <c>\</c> escapes. A glob without <c>/</c> matches a file name in any
/// folder below the config file; one with <c>/</c> matches a path relative to the config file's folder.
/// </summary>
internal sealed class EditorConfigGlob
{
    private static readonly Regex NumberRange = new(@"^(-?\d+)\.\.(-?\d+)$", RegexOptions.CultureInvariant);
    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly string _directory;
    private readonly Regex _regex;
    private readonly List<(int Min, int Max)> _ranges;

    private EditorConfigGlob(string directory, Regex regex, List<(int Min, int Max)> ranges)
    {
        _directory = directory;
        _regex = regex;
        _ranges = ranges;
    }

    public static EditorConfigGlob Parse(string pattern, string directory)
    {
        var ranges = new List<(int, int)>();
        var regex = new StringBuilder("^");
        if (pattern.Contains('/'))
        {
            pattern = pattern.TrimStart('/');
        }
        else
        {
            regex.Append("(?:.*/)?");
        }

        AppendPattern(pattern, regex, ranges);
        regex.Append('$');
        var options = RegexOptions.CultureInvariant | (OperatingSystem.IsWindows() ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new EditorConfigGlob(directory, new Regex(regex.ToString(), options), ranges);
    }

    public bool IsMatch(string fullPath)
    {
        if (!IsBelow(_directory, fullPath))
        {
            return false;
        }

        var relative = Path.GetRelativePath(_directory, fullPath).Replace('\\', '/');
        var match = _regex.Match(relative);
        if (!match.Success)
        {
            return false;
        }

        for (var index = 0; index < _ranges.Count; index++)
        {
            var number = int.Parse(match.Groups["r" + index.ToString(CultureInfo.InvariantCulture)].Value, CultureInfo.InvariantCulture);
            if (number < _ranges[index].Min || number > _ranges[index].Max)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsBelow(string directory, string path) =>
        path.Length > directory.Length
        && path.StartsWith(directory, PathComparison)
        && (directory.EndsWith(Path.DirectorySeparatorChar) || path[directory.Length] == Path.DirectorySeparatorChar || path[directory.Length] == '/');

    private static void AppendPattern(string pattern, StringBuilder regex, List<(int, int)> ranges)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    regex.Append(".*");
                    i++;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' when pattern.IndexOf(']', i + 1) is var close and > 0:
                    AppendCharacterClass(pattern[(i + 1)..close], regex);
                    i = close;
                    break;
                case '{' when FindClosingBrace(pattern, i) is var end and > 0:
                    AppendBraces(pattern[(i + 1)..end], regex, ranges);
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
    }

    private static void AppendCharacterClass(string content, StringBuilder regex)
    {
        var negated = content.StartsWith('!');
        regex.Append(negated ? "[^" : "[");
        foreach (var c in negated ? content[1..] : content)
        {
            regex.Append(c is '\\' or '[' or ']' or '^' ? "\\" + c : c.ToString());
        }

        regex.Append(']');
    }

    private static void AppendBraces(string content, StringBuilder regex, List<(int, int)> ranges)
    {
        if (NumberRange.Match(content) is { Success: true } range)
        {
            var a = int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
            regex.Append("(?<r").Append(ranges.Count.ToString(CultureInfo.InvariantCulture)).Append(@">-?\d+)");
            ranges.Add((Math.Min(a, b), Math.Max(a, b)));
            return;
        }

        var alternatives = SplitTopLevel(content);
        if (alternatives.Count == 1)
        {
            // `{word}` without a comma is literal text, as in other editorconfig implementations.
            regex.Append(Regex.Escape("{"));
            AppendPattern(content, regex, ranges);
            regex.Append(Regex.Escape("}"));
            return;
        }

        regex.Append("(?:");
        for (var index = 0; index < alternatives.Count; index++)
        {
            if (index > 0)
            {
                regex.Append('|');
            }

            AppendPattern(alternatives[index], regex, ranges);
        }

        regex.Append(')');
    }

    private static int FindClosingBrace(string pattern, int open)
    {
        var depth = 0;
        for (var i = open; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return i;
            }
        }

        return -1;
    }

    private static List<string> SplitTopLevel(string content)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < content.Length; i++)
        {
            switch (content[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(content[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(content[start..]);
        return parts;
    }
}
