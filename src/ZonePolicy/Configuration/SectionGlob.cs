using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ZonePolicy.Configuration;

/// <summary>
/// The glob of an <c>.editorconfig</c> section, matched against a path relative to the config file's folder
/// and written with <c>/</c> and a leading <c>/</c> (<c>/site/a.topology.json</c>), as editorconfig-core and
/// Roslyn match it. The grammar is editorconfig's: <c>*</c> (any text but <c>/</c>), <c>**</c> (any text),
/// <c>?</c> (one character), <c>[abc]</c>, <c>[a-z]</c>, <c>[!abc]</c>, <c>{a,b}</c>, <c>{1..9}</c> (an integer in
/// the range) and <c>\</c> escapes. A glob without <c>/</c> matches a file name in any folder below the config
/// file; one with <c>/</c> matches from the config file's folder.
/// </summary>
internal sealed partial class SectionGlob
{
    private readonly Regex regex;
    private readonly List<(int Min, int Max)> ranges;

    private SectionGlob(Regex regex, List<(int Min, int Max)> ranges)
    {
        this.regex = regex;
        this.ranges = ranges;
    }

    /// <summary>The glob of a section name, or null when the name is not a valid glob (such a section matches nothing).</summary>
    public static SectionGlob? TryParse(string sectionName)
    {
        var pattern = new StringBuilder("^");
        if (!sectionName.Contains('/'))
        {
            pattern.Append(".*/");
        }
        else if (sectionName[0] != '/')
        {
            pattern.Append('/');
        }

        var ranges = new List<(int Min, int Max)>();
        var reader = new GlobReader(sectionName);
        if (!reader.TryCompileList(pattern, ranges, inChoice: false) || !reader.AtEnd)
        {
            return null;
        }

        pattern.Append('$');
        var options = RegexOptions.CultureInvariant | (OperatingSystem.IsWindows() ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new SectionGlob(new Regex(pattern.ToString(), options), ranges);
    }

    /// <param name="relativePath">A path below the config file's folder, with <c>/</c> separators and a leading <c>/</c>.</param>
    public bool IsMatch(string relativePath)
    {
        var match = regex.Match(relativePath);
        if (!match.Success)
        {
            return false;
        }

        for (var index = 0; index < ranges.Count; index++)
        {
            if (!int.TryParse(match.Groups[index + 1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                || number < ranges[index].Min
                || number > ranges[index].Max)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads a glob left to right, writing the equivalent regular expression.</summary>
    private sealed class GlobReader(string text)
    {
        private int position;

        public bool AtEnd => position >= text.Length;

        /// <summary>
        /// Compiles items up to the end, or inside a <c>{...}</c> choice up to the <c>,</c> or <c>}</c> that ends
        /// one alternative (left unread).
        /// </summary>
        public bool TryCompileList(StringBuilder pattern, List<(int Min, int Max)> ranges, bool inChoice)
        {
            while (!AtEnd)
            {
                var c = text[position];
                switch (c)
                {
                    case ',' or '}' when inChoice:
                        return true;
                    case ',' or '}':
                        return false;
                    case '*' when position + 1 < text.Length && text[position + 1] == '*':
                        pattern.Append(".*");
                        position += 2;
                        break;
                    case '*':
                        pattern.Append("[^/]*");
                        position++;
                        break;
                    case '?':
                        pattern.Append('.');
                        position++;
                        break;
                    case '[':
                        position++;
                        if (!TryCompileClass(pattern))
                        {
                            return false;
                        }

                        break;
                    case '{':
                        if (TryReadRange(out var range))
                        {
                            ranges.Add(range);
                            pattern.Append("(-?[0-9]+)");
                        }
                        else if (!TryCompileChoice(pattern, ranges))
                        {
                            return false;
                        }

                        break;
                    case '\\':
                        if (position + 1 >= text.Length)
                        {
                            return false;
                        }

                        pattern.Append(Regex.Escape(text[position + 1].ToString()));
                        position += 2;
                        break;
                    default:
                        pattern.Append(Regex.Escape(c.ToString()));
                        position++;
                        break;
                }
            }

            return !inChoice;
        }

        /// <summary><c>[...]</c> after its <c>[</c>: <c>!</c> first negates, <c>-</c> is a range, <c>\</c> escapes.</summary>
        private bool TryCompileClass(StringBuilder pattern)
        {
            pattern.Append('[');
            if (!AtEnd && text[position] == '!')
            {
                pattern.Append('^');
                position++;
            }

            while (!AtEnd)
            {
                var c = text[position++];
                switch (c)
                {
                    case ']':
                        pattern.Append(']');
                        return true;
                    case '-':
                        pattern.Append('-');
                        break;
                    case '\\' when AtEnd:
                        return false;
                    case '\\':
                        pattern.Append('\\').Append(text[position++]);
                        break;
                    default:
                        pattern.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            return false;
        }

        /// <summary><c>{a,b,...}</c>: each alternative is a list of its own.</summary>
        private bool TryCompileChoice(StringBuilder pattern, List<(int Min, int Max)> ranges)
        {
            position++;
            pattern.Append("(?:");
            while (TryCompileList(pattern, ranges, inChoice: true))
            {
                if (AtEnd)
                {
                    return false;
                }

                if (text[position++] == '}')
                {
                    pattern.Append(')');
                    return true;
                }

                pattern.Append('|');
            }

            return false;
        }

        /// <summary><c>{n..m}</c> with optional signs; leaves the position alone when the braces hold something else.</summary>
        private bool TryReadRange(out (int Min, int Max) range)
        {
            range = default;
            var match = NumberRange().Match(text, position);
            if (!match.Success
                || !int.TryParse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(match.Groups[2].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var second))
            {
                return false;
            }

            range = (Math.Min(first, second), Math.Max(first, second));
            position += match.Length;
            return true;
        }
    }

    [GeneratedRegex(@"\G\{(-?[0-9]+)\.\.(-?[0-9]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRange();
}
