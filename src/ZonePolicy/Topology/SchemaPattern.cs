using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace ZonePolicy.Topology;

/// <summary>
/// A schema's <c>pattern</c>, matched against ASCII text. A pattern that is one character class repeated
/// over the whole text (<c>^[^\u0000-\u001F...]+$</c>, as the schema writes its ids) is also compiled to the
/// set of ASCII characters the class admits: text made only of those is a match without running the regular
/// expression, which every id and reference of a large file would otherwise pay for. Any other text, and any
/// other pattern, goes to the regular expression.
/// </summary>
internal sealed class SchemaPattern
{
    private readonly Regex regex;
    private readonly SearchValues<byte>? classBytes;
    private readonly int leastRepeats;

    public SchemaPattern(string pattern)
    {
        regex = new Regex(pattern, RegexOptions.CultureInvariant);
        if (RepeatedClass(pattern) is var (characterClass, least))
        {
            var single = new Regex($"^{characterClass}\\z", RegexOptions.CultureInvariant);
            var admitted = Enumerable.Range(0, 128).Where(c => single.IsMatch(((char)c).ToString())).Select(c => (byte)c).ToArray();
            classBytes = SearchValues.Create(admitted);
            leastRepeats = least;
        }
    }

    /// <summary>Whether ASCII text (no longer than 64 characters for a pattern that is not a repeated class) matches.</summary>
    public bool IsMatchAscii(ReadOnlySpan<byte> ascii)
    {
        if (classBytes is not null && ascii.Length >= leastRepeats && ascii.IndexOfAnyExcept(classBytes) < 0)
        {
            return true;
        }

        Span<char> buffer = stackalloc char[64];
        return ascii.Length <= buffer.Length && regex.IsMatch(buffer[..Encoding.ASCII.GetChars(ascii, buffer)]);
    }

    /// <summary>
    /// The class and the least number of repeats of a pattern that is <c>^</c>, one character class without
    /// nested classes, <c>+</c> or <c>*</c>, and <c>$</c>; null for any other pattern.
    /// </summary>
    private static (string Class, int Least)? RepeatedClass(string pattern)
    {
        if (!pattern.StartsWith("^[", StringComparison.Ordinal) || !(pattern.EndsWith("]+$", StringComparison.Ordinal) || pattern.EndsWith("]*$", StringComparison.Ordinal)))
        {
            return null;
        }

        var end = pattern.Length - 3;
        var first = pattern[2] == '^' ? 3 : 2;
        for (var at = first; at < end; at++)
        {
            switch (pattern[at])
            {
                case '\\':
                    at++;
                    break;
                case '[' or ']':
                    return null;
            }
        }

        // An escape may not swallow the closing bracket, and the class may not be empty.
        return end > first && pattern[end] == ']' && !EndsInOpenEscape(pattern, first, end)
            ? (pattern[1..(end + 1)], pattern[end + 1] == '+' ? 1 : 0)
            : null;
    }

    private static bool EndsInOpenEscape(string pattern, int from, int end)
    {
        var backslashes = 0;
        for (var at = end - 1; at >= from && pattern[at] == '\\'; at--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }
}
